package org.mlplatform.domain.models;

/** How a version reached the registry. Stored by name. */
public enum ModelSource {
  /** A data scientist uploaded an ONNX file trained elsewhere. */
  UPLOADED,
  /** The platform trained it on one of its training sets. */
  TRAINED
}
