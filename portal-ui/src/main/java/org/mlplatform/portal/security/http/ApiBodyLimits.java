package org.mlplatform.portal.security.http;

import java.io.InputStream;
import org.eclipse.microprofile.config.Config;

/**
 * The limits the platform's port puts on an API request body ({@code mlp.api.max-body-bytes},
 * {@code mlp.api.max-json-depth}), for a carrier outside its servlet filter: the inference port
 * takes the same bodies for predictions by key and online lookups, and refuses them alike.
 */
public record ApiBodyLimits(long maxBytes, int maxDepth) {

  /** Reads the limits as the servlet filter does. */
  public static ApiBodyLimits load(Config config) {
    HttpHardeningSettings settings = HttpHardeningSettings.load(config);
    return new ApiBodyLimits(settings.apiMaxBodyBytes(), settings.apiMaxJsonDepth());
  }

  /** The refusal of a body whose declared length is over the limit, before it is read. */
  public Refusal tooLarge() {
    return Refusal.tooLarge(maxBytes);
  }

  /** A body read under both limits (the depth one for JSON). */
  public GuardedBody guard(InputStream body) {
    return new GuardedBody(body, new BodyGuard(maxBytes, maxDepth));
  }
}
