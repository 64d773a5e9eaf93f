package org.mlplatform.portal.security.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The HTTP hardening settings, from MicroProfile Config like {@link
 * org.mlplatform.portal.config.PlatformSettings} (so {@code mlp.cors.origins} can be given as
 * {@code MLP_CORS_ORIGINS}).
 *
 * @param hosts the Host allow-list ({@code mlp.allowed-hosts})
 * @param corsOrigins the origins allowed to call the API from a browser ({@code mlp.cors.origins})
 * @param apiMaxBodyBytes the largest API request body, uploads aside ({@code
 *     mlp.api.max-body-bytes})
 * @param apiMaxJsonDepth how deeply an API JSON body may nest ({@code mlp.api.max-json-depth})
 * @param httpsPublicUrl whether users reach the platform over HTTPS ({@code mlp.public-url}), even
 *     when TLS ends at a proxy in front of it
 */
record HttpHardeningSettings(
    HostAllowList hosts,
    CorsOrigins corsOrigins,
    long apiMaxBodyBytes,
    int apiMaxJsonDepth,
    boolean httpsPublicUrl) {

  static final String MAX_BODY_KEY = "mlp.api.max-body-bytes";
  static final String MAX_DEPTH_KEY = "mlp.api.max-json-depth";
  static final long DEFAULT_MAX_BODY_BYTES = 8L << 20;

  /** Far deeper than any request the API takes, and shallow enough for any recursive parser. */
  static final int DEFAULT_MAX_JSON_DEPTH = 64;

  /** The JSON parser's own limit (Parsson's {@code org.eclipse.parsson.maxDepth} default). */
  static final int MAX_JSON_DEPTH = 1_000;

  /**
   * Reads the settings once, at start-up.
   *
   * @throws IllegalStateException when a value is malformed, naming the setting
   */
  static HttpHardeningSettings load(Config config) {
    URI publicUrl = URI.create(value(config, "mlp.public-url").orElse("http://localhost:8080"));
    HostAllowList hosts =
        HostAllowList.of(
            value(config, "mlp.allowed-hosts").orElse(null), publicUrl.getHost(), machineNames());
    return new HttpHardeningSettings(
        hosts,
        CorsOrigins.parse(value(config, "mlp.cors.origins").orElse(null)),
        bounded(config, MAX_BODY_KEY, DEFAULT_MAX_BODY_BYTES, Long.MAX_VALUE),
        (int) bounded(config, MAX_DEPTH_KEY, DEFAULT_MAX_JSON_DEPTH, MAX_JSON_DEPTH),
        "https".equalsIgnoreCase(publicUrl.getScheme()));
  }

  /** This machine's host name; none when it cannot be resolved (then only loopback is local). */
  private static Set<String> machineNames() {
    try {
      return Set.of(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
    } catch (UnknownHostException e) {
      return Set.of();
    }
  }

  private static long bounded(Config config, String key, long fallback, long max) {
    Optional<String> text = value(config, key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get().strip());
      if (value > 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the setting's name
    }
    throw new IllegalStateException(
        key
            + " ("
            + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
            + ") must be a whole number from 1 to "
            + max
            + ", not '"
            + text.get()
            + "'");
  }

  private static Optional<String> value(Config config, String key) {
    return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }
}
