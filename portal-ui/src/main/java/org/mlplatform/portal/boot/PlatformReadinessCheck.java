package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.mlplatform.domain.platform.Component;
import org.mlplatform.domain.platform.PlatformReadiness;
import org.mlplatform.portal.cluster.ClusterBus;

/**
 * {@code /health/ready}: up only once migrations ran, the workflow engine started and the index and
 * serving engine are open. Each component's state is in the response's data.
 */
@Readiness
@ApplicationScoped
public class PlatformReadinessCheck implements HealthCheck {

  @Inject private PlatformReadiness readiness;
  @Inject private ClusterBus cluster;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder =
        HealthCheckResponse.named("mlp-platform").status(readiness.isReady());
    readiness
        .snapshot()
        .forEach(
            (component, status) ->
                builder.withData(
                    component.name().toLowerCase(Locale.ROOT),
                    status.state() + " - " + detail(component, status)));
    return builder.build();
  }

  /** The start-up's detail; the cluster's members as they are now, as nodes come and go. */
  private String detail(Component component, PlatformReadiness.Status status) {
    if (component == Component.CLUSTER && status.state() == PlatformReadiness.State.UP) {
      return cluster.describe();
    }
    return status.detail() == null ? "" : status.detail();
  }
}
