package org.mlplatform.workflows.promotion;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.workflows.PromotionVariables;

/**
 * A data scientist's request to promote a version, with the deadlines the platform sets for it.
 *
 * @param canaryPercent 0 promotes on approval; 1–99 serves that share first for {@code
 *     canaryWindow}
 * @param overrideJustification when present, failed checks go to review with this explanation
 *     instead of ending the process
 * @param reviewDue when reviewers get a reminder
 * @param escalateAt when the review is offered to admins too
 */
public record PromotionRequest(
    String model,
    int version,
    String alias,
    String requestedBy,
    int canaryPercent,
    String overrideJustification,
    Instant reviewDue,
    Instant escalateAt,
    Duration canaryWindow) {

  public static final int JUSTIFICATION_MAX = 2_000;

  public PromotionRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(reviewDue, "reviewDue");
    Objects.requireNonNull(escalateAt, "escalateAt");
    Objects.requireNonNull(canaryWindow, "canaryWindow");
    if (canaryPercent < 0 || canaryPercent > 99) {
      throw new IllegalArgumentException("canaryPercent must be between 0 and 99");
    }
    if (overrideJustification != null) {
      overrideJustification = overrideJustification.strip();
      if (overrideJustification.isEmpty()) {
        overrideJustification = null;
      } else if (overrideJustification.length() > JUSTIFICATION_MAX) {
        throw new IllegalArgumentException(
            "overrideJustification is longer than " + JUSTIFICATION_MAX + " characters");
      }
    }
    if (escalateAt.isBefore(reviewDue)) {
      throw new IllegalArgumentException("escalateAt must not come before reviewDue");
    }
    if (canaryWindow.isNegative() || canaryWindow.isZero()) {
      throw new IllegalArgumentException("canaryWindow must be positive");
    }
  }

  /** The process variables this request starts with. */
  public Map<String, Object> variables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(PromotionVariables.MODEL, model);
    vars.put(PromotionVariables.VERSION, version);
    vars.put(PromotionVariables.ALIAS, alias);
    vars.put(PromotionVariables.REQUESTED_BY, requestedBy);
    vars.put(PromotionVariables.CANARY_PERCENT, canaryPercent);
    vars.put(PromotionVariables.OVERRIDE_JUSTIFICATION, overrideJustification);
    vars.put(PromotionVariables.REVIEW_DUE, Date.from(reviewDue));
    vars.put(PromotionVariables.ESCALATE_AT, Date.from(escalateAt));
    vars.put(PromotionVariables.CANARY_WINDOW, canaryWindow.toString());
    return vars;
  }
}
