package org.mlplatform.workflows.retraining;

import java.util.OptionalInt;

/**
 * How a retrained model compared with the champion on the same held-out rows.
 *
 * @param better whether it beat the champion by at least the model's margin
 * @param candidateVersion the version registered for it (only when better)
 * @param report the figures in a few sentences, for the requester and the process history
 */
public record RetrainingEvaluation(boolean better, OptionalInt candidateVersion, String report) {

  public RetrainingEvaluation {
    if (better && candidateVersion.isEmpty()) {
      throw new IllegalArgumentException("a better model is registered as a version");
    }
  }
}
