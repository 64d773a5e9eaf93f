package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the application is deployed and answering. A component that failed to start
 * makes the platform not ready, not dead: restarting would not help and would hide the log.
 */
@Liveness
@ApplicationScoped
public class PlatformLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("mlp-platform");
  }
}
