package org.mlplatform.workflows.promotion;

import java.util.Objects;
import org.mlplatform.workflows.retraining.RetrainingActions;

/** The platform services the processes act through, handed to the engine when it is built. */
public record WorkflowPorts(
    PromotionChecks checks,
    DeploymentActions deployments,
    WorkflowNotifier notifier,
    RetrainingActions retraining) {

  public WorkflowPorts {
    Objects.requireNonNull(retraining, "retraining");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(deployments, "deployments");
    Objects.requireNonNull(notifier, "notifier");
  }
}
