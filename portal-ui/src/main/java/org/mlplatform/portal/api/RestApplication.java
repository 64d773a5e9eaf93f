package org.mlplatform.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application at {@code /api/v1}; resources and providers are discovered by scanning.
 * Jersey's multipart support (bundled with Payara) is switched on by name, for model uploads as
 * {@link jakarta.ws.rs.core.EntityPart}s, without a compile-time dependency on Jersey.
 */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature");
  }
}
