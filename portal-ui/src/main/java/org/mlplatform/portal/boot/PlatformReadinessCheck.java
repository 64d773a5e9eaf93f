package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.mlplatform.domain.platform.PlatformReadiness;

/**
 * {@code /health/ready}: up only once migrations ran, the workflow engine started and the index and
 * serving engine are open. Each component's state is in the response's data.
 */
@Readiness
@ApplicationScoped
public class PlatformReadinessCheck implements HealthCheck {

  @Inject private PlatformReadiness readiness;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder =
        HealthCheckResponse.named("mlp-platform").status(readiness.isReady());
    readiness
        .snapshot()
        .forEach(
            (component, status) ->
                builder.withData(
                    component.name().toLowerCase(java.util.Locale.ROOT),
                    status.state() + (status.detail() == null ? "" : " - " + status.detail())));
    return builder.build();
  }
}
