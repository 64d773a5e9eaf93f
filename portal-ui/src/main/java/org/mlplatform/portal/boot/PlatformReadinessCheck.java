package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: up only once migrations ran, the workflow engine started and the index and
 * serving engine are open. Each component's state is in the response's data.
 */
@Readiness
@ApplicationScoped
public class PlatformReadinessCheck implements HealthCheck {

  @Inject private ComponentStates components;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder =
        HealthCheckResponse.named("mlp-platform").status(components.ready());
    components
        .now()
        .forEach(
            (component, status) ->
                builder.withData(
                    component.name().toLowerCase(Locale.ROOT),
                    status.state() + (status.detail() == null ? "" : " - " + status.detail())));
    return builder.build();
  }
}
