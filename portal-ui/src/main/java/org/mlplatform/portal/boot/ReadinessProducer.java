package org.mlplatform.portal.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.mlplatform.domain.platform.PlatformReadiness;

/** One readiness tracker for the application, written by start-up, read by health checks. */
@ApplicationScoped
public class ReadinessProducer {

  private final PlatformReadiness readiness = new PlatformReadiness();

  @Produces
  PlatformReadiness readiness() {
    return readiness;
  }
}
