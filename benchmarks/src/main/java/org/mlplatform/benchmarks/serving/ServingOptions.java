package org.mlplatform.benchmarks.serving;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.mlplatform.benchmarks.DriverArgs;

/**
 * The serving driver's arguments: base URL and token URL first (as the other load drivers take
 * them), then {@code key=value} options.
 *
 * @param base the platform, {@code http://localhost:8080} by default
 * @param tokenUrl Keycloak's token endpoint of the {@code mlp} realm, on port 8180 by default
 * @param warmUp {@code warmup=<seconds>} before every measured level, 5 by default
 * @param measure {@code measure=<seconds>} measured per level, 15 by default
 * @param concurrency {@code concurrency=<n>}: the throughput level, 32 by default
 * @param entities {@code entities=<n>}: entity rows for predictions by key, 1000 by default
 * @param online {@code online=false} sends every feature as an override instead of ingesting and
 *     materializing the rows, so the online store is not read (the feature view is still created)
 * @param inferencePort {@code port=8081}: the platform's dedicated inference port (target {@code
 *     port}; the platform started with {@code MLP_SERVING_PORT})
 * @param targets {@code targets=bare,jdk,v2,port,predict,predict-port} (all by default); without v2
 *     and predict no platform is needed
 */
record ServingOptions(
    URI base,
    URI tokenUrl,
    Duration warmUp,
    Duration measure,
    int concurrency,
    int entities,
    boolean online,
    int inferencePort,
    Set<Target> targets) {

  static ServingOptions parse(String[] args) {
    DriverArgs parsed = DriverArgs.parse(args);
    Duration warmUp = Duration.ofSeconds(5);
    Duration measure = Duration.ofSeconds(15);
    int concurrency = 32;
    int entities = 1_000;
    boolean online = true;
    int inferencePort = 8081;
    Set<Target> targets = EnumSet.allOf(Target.class);
    for (var option : parsed.options().entrySet()) {
      String arg = option.getKey() + "=" + option.getValue();
      String value = option.getValue();
      switch (option.getKey()) {
        case "warmup" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
        case "measure" -> measure = Duration.ofSeconds(Long.parseLong(value));
        case "concurrency" -> concurrency = Integer.parseInt(value);
        case "entities" -> entities = Integer.parseInt(value);
        case "online" -> online = Boolean.parseBoolean(value);
        case "port" -> inferencePort = Integer.parseInt(value);
        case "targets" -> {
          targets = EnumSet.noneOf(Target.class);
          for (String id : value.split(",")) {
            targets.add(Target.of(id.trim()));
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + arg
                    + "; the options are warmup, measure, concurrency, entities, online, port, targets");
      }
    }
    if (measure.isZero() || measure.isNegative() || warmUp.isNegative()) {
      throw new IllegalArgumentException("measure at least 1 s, warm up 0 s or more");
    }
    if (concurrency < 1 || entities < 1 || entities > 100_000) {
      throw new IllegalArgumentException("concurrency from 1, entities from 1 to 100000");
    }
    return new ServingOptions(
        parsed.base(),
        parsed.tokenUrl(),
        warmUp,
        measure,
        concurrency,
        entities,
        online,
        inferencePort,
        Set.copyOf(targets));
  }

  boolean needsPlatform() {
    return targets.stream().anyMatch(Target::needsPlatform);
  }
}
