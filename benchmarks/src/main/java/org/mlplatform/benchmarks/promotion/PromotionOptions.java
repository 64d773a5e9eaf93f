package org.mlplatform.benchmarks.promotion;

import java.net.URI;
import java.time.Duration;
import org.mlplatform.benchmarks.DriverArgs;

/**
 * The promotion driver's arguments: base URL and token URL first (as the other load drivers take
 * them), then {@code key=value} options.
 *
 * @param base the platform, {@code http://localhost:8080} by default
 * @param tokenUrl Keycloak's token endpoint of the {@code mlp} realm, on port 8180 by default
 * @param rounds {@code rounds=<n>}: promotions measured, 20 by default
 * @param clients {@code clients=<n>}: threads predicting back to back throughout, 4 by default
 * @param model {@code model=<name>}: the model promoted, {@code bench_promotion} by default; reused
 *     when it exists (its champion is the first version served)
 * @param roundTimeout {@code timeout=<seconds>}: longest wait for all clients to see a new version,
 *     and for its process to end, 120 by default
 */
record PromotionOptions(
    URI base, URI tokenUrl, int rounds, int clients, String model, Duration roundTimeout) {

  static PromotionOptions parse(String[] args) {
    DriverArgs parsed = DriverArgs.parse(args);
    int rounds = 20;
    int clients = 4;
    String model = "bench_promotion";
    Duration roundTimeout = Duration.ofSeconds(120);
    for (var option : parsed.options().entrySet()) {
      String arg = option.getKey() + "=" + option.getValue();
      String value = option.getValue();
      switch (option.getKey()) {
        case "rounds" -> rounds = Integer.parseInt(value);
        case "clients" -> clients = Integer.parseInt(value);
        case "model" -> model = value;
        case "timeout" -> roundTimeout = Duration.ofSeconds(Long.parseLong(value));
        default ->
            throw new IllegalArgumentException(
                "unknown option " + arg + "; the options are rounds, clients, model, timeout");
      }
    }
    if (rounds < 1 || clients < 1 || clients > 256) {
      throw new IllegalArgumentException("rounds from 1, clients from 1 to 256");
    }
    if (!model.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "model: a lower-case letter, then letters, digits, _: " + model);
    }
    if (roundTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("timeout at least 1 s");
    }
    return new PromotionOptions(
        parsed.base(), parsed.tokenUrl(), rounds, clients, model, roundTimeout);
  }
}
