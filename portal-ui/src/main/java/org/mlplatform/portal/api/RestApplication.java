package org.mlplatform.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at {@code /api/v1}; resources and providers are discovered by scanning.
 */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {}
