package org.mlplatform.portal.serving.oip;

import java.io.IOException;

/**
 * Routes the inference port carries beside {@code /v2}, implemented where their REST resources
 * live: predictions by entity key and online feature lookups, the other calls applications make in
 * their hot path. The port has authenticated the caller; the routes decide what the caller may do.
 */
public interface PortRoutes {

  /** The path prefix the routes live under, such as {@code /api/v1}. */
  String prefix();

  /**
   * Answers one exchange, whose {@link OipExchange#path()} is below the prefix; never throws for a
   * caller's mistake.
   */
  void handle(OipExchange exchange) throws IOException;
}
