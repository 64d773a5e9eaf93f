package org.mlplatform.domain.features.training;

/** Where a training set is in its life: being built, ready to download, or failed. */
public enum TrainingSetState {
  BUILDING,
  READY,
  FAILED
}
