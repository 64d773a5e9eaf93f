package org.mlplatform.workflows.promotion;

/** Whether a canary earned the full rollout, and the evidence either way. */
public record CanaryVerdict(boolean rollOut, String reason) {}
