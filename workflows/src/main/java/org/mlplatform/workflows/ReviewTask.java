package org.mlplatform.workflows;

import java.time.Instant;

/** An open human task as the portal and REST show it, free of engine types. */
public record ReviewTask(
    String id,
    String name,
    String processInstanceId,
    String model,
    Integer version,
    String requestedBy,
    Instant created) {}
