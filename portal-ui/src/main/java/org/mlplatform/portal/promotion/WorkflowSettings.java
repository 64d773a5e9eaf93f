package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlplatform.domain.serving.CanaryPolicy;
import org.mlplatform.portal.config.DurationSettings;

/**
 * Deadlines and windows of the governed workflows, from MicroProfile Config ({@code
 * mlp.workflows.review-due} or {@code MLP_WORKFLOWS_REVIEW_DUE}); durations in ISO-8601.
 */
@ApplicationScoped
public class WorkflowSettings {

  private final Config config = ConfigProvider.getConfig();

  /** How long reviewers have before they are reminded. */
  public Duration reviewDue() {
    return duration("mlp.workflows.review-due", Duration.ofDays(2));
  }

  /** How long after the reminder the review is offered to admins as well. */
  public Duration escalateAfter() {
    return duration("mlp.workflows.escalate-after", Duration.ofDays(1));
  }

  /** How long a canary serves its share before it is judged. */
  public Duration canaryWindow() {
    return duration("mlp.workflows.canary-window", Duration.ofMinutes(10));
  }

  /** How long a promotion waits for the deployment to serve the new version. */
  public Duration verifyTimeout() {
    return duration("mlp.workflows.verify-timeout", Duration.ofSeconds(30));
  }

  public CanaryPolicy canaryPolicy() {
    return new CanaryPolicy(
        config.getOptionalValue("mlp.workflows.canary-min-requests", Long.class).orElse(20L),
        config
            .getOptionalValue("mlp.workflows.canary-max-error-rate-increase", Double.class)
            .orElse(0.01),
        config
            .getOptionalValue("mlp.workflows.canary-max-latency-ratio", Double.class)
            .orElse(3.0));
  }

  /** Rows of the training set the smoke inference runs on. */
  public int smokeRows() {
    return config.getOptionalValue("mlp.workflows.smoke-rows", Integer.class).orElse(200);
  }

  private Duration duration(String key, Duration fallback) {
    return DurationSettings.read(config, key, fallback);
  }
}
