package org.mlplatform.domain.models;

/**
 * What an input or output is: a tensor, or one of the structured values classical-ML converters
 * produce (a sequence of maps of class probabilities, for example).
 */
public enum ValueKind {
  TENSOR,
  SEQUENCE,
  MAP,
  OPTIONAL
}
