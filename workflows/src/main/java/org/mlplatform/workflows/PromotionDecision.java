package org.mlplatform.workflows;

/** A reviewer's decision on a promotion, with what the process was asked for. */
public record PromotionDecision(
    String processInstanceId,
    String model,
    int version,
    String alias,
    String requestedBy,
    String reviewer,
    boolean approved,
    String comment) {}
