package org.mlplatform.domain.models.compare;

import java.util.Objects;

/**
 * One difference between the signatures of two versions.
 *
 * @param name the input or output concerned; empty for opset and producer changes
 * @param before the base version's side, as text ({@code TENSOR FP32 [?, 8]}); empty when added
 * @param after the candidate's side, as text; empty when removed
 */
public record SignatureChange(Kind kind, String name, String before, String after) {

  /** What differs. */
  public enum Kind {
    INPUT_ADDED,
    INPUT_REMOVED,
    INPUT_CHANGED,
    OUTPUT_ADDED,
    OUTPUT_REMOVED,
    OUTPUT_CHANGED,
    OPSET_CHANGED,
    PRODUCER_CHANGED
  }

  public SignatureChange {
    Objects.requireNonNull(kind, "kind");
    name = Objects.requireNonNullElse(name, "");
    before = Objects.requireNonNullElse(before, "");
    after = Objects.requireNonNullElse(after, "");
  }

  /** Whether a caller of the base version may have to change to call the candidate. */
  public boolean breaksCallers() {
    return switch (kind) {
      case INPUT_ADDED, INPUT_REMOVED, INPUT_CHANGED, OUTPUT_REMOVED, OUTPUT_CHANGED -> true;
      case OUTPUT_ADDED, OPSET_CHANGED, PRODUCER_CHANGED -> false;
    };
  }
}
