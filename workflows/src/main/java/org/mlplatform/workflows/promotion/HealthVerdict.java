package org.mlplatform.workflows.promotion;

/** Whether the deployment serves the promoted version and is ready, after the alias moved. */
public record HealthVerdict(boolean healthy, String detail) {}
