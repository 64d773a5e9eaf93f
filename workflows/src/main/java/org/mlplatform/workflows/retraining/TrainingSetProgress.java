package org.mlplatform.workflows.retraining;

/** Where a fresh training set's build stands: still building, ready, or failed and why. */
public record TrainingSetProgress(State state, String detail) {

  public enum State {
    BUILDING,
    READY,
    FAILED
  }

  public static TrainingSetProgress building() {
    return new TrainingSetProgress(State.BUILDING, "");
  }

  public static TrainingSetProgress ready() {
    return new TrainingSetProgress(State.READY, "");
  }

  public static TrainingSetProgress failed(String reason) {
    return new TrainingSetProgress(State.FAILED, reason);
  }
}
