package org.mlplatform.domain.models.compare;

import java.util.Objects;

/**
 * One difference in how two versions were made.
 *
 * @param subject the feature or hyperparameter concerned; empty for single-valued aspects
 * @param before the base version's side as text; empty when it has none
 * @param after the candidate's side as text; empty when it has none
 */
public record LineageChange(Kind kind, String subject, String before, String after) {

  /** Which aspect of the lineage differs. */
  public enum Kind {
    SOURCE,
    TRAINING_SET,
    FEATURE_SERVICE,
    FEATURE_INPUT,
    FEATURE_ADDED,
    FEATURE_REMOVED,
    FEATURE_ORDER,
    LABELS,
    PARENT,
    ALGORITHM,
    HYPERPARAMETER_ADDED,
    HYPERPARAMETER_REMOVED,
    HYPERPARAMETER_CHANGED
  }

  public LineageChange {
    Objects.requireNonNull(kind, "kind");
    subject = Objects.requireNonNullElse(subject, "");
    before = Objects.requireNonNullElse(before, "");
    after = Objects.requireNonNullElse(after, "");
  }
}
