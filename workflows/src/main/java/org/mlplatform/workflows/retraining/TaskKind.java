package org.mlplatform.workflows.retraining;

import org.mlplatform.workflows.training.TrainingAlgorithm;

/** What a model predicts, which decides its metrics and the one that ranks models. */
public enum TaskKind {
  /** Predicts a class with one probability per class; ranked by {@code accuracy}. */
  CLASSIFICATION("accuracy", true),
  /** Predicts one number; ranked by {@code rmse}. */
  REGRESSION("rmse", false);

  private final String primaryMetric;
  private final boolean higherIsBetter;

  TaskKind(String primaryMetric, boolean higherIsBetter) {
    this.primaryMetric = primaryMetric;
    this.higherIsBetter = higherIsBetter;
  }

  /** The kind of model {@code algorithm} trains. */
  public static TaskKind of(TrainingAlgorithm algorithm) {
    return algorithm.classifies() ? CLASSIFICATION : REGRESSION;
  }

  /** The name of the metric that ranks models of this kind. */
  public String primaryMetric() {
    return primaryMetric;
  }

  /** Whether a larger {@link #primaryMetric()} is the better model. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
