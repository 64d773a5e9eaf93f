package org.mlplatform.portal.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.CanaryEvidence;
import org.mlplatform.serving.engine.Route;
import org.mlplatform.serving.engine.ServingObserver;

/**
 * Serving metrics in Payara's {@code /metrics} (Prometheus text): requests, errors by kind, latency
 * and batch sizes per model, version and route. The instruments of a version are looked up once and
 * kept, so counting a request costs no registry lookup.
 */
@ApplicationScoped
public class ServingMetrics implements ServingObserver {

  private static final Logger LOG = Logger.getLogger(ServingMetrics.class.getName());

  private record Instruments(
      Counter requests,
      Counter cached,
      Counter callerErrors,
      Counter serverErrors,
      Timer latency,
      Histogram batchSize) {}

  @Inject private MetricRegistry registry;

  private final Map<ModelVersionId, Map<Route, Instruments>> instruments =
      new ConcurrentHashMap<>();

  @Override
  public void served(
      ModelVersionId version, Route route, long nanos, int batchSize, boolean cached) {
    Instruments i = of(version, route);
    i.requests().inc();
    if (cached) {
      i.cached().inc();
    }
    i.latency().update(Duration.ofNanos(nanos));
    i.batchSize().update(batchSize);
  }

  @Override
  public void failed(ModelVersionId version, Route route, boolean callerMistake) {
    Instruments i = of(version, route);
    (callerMistake ? i.callerErrors() : i.serverErrors()).inc();
  }

  @Override
  public void loadFailed(ModelVersionId version, String reason) {
    registry
        .counter(
            "mlp_model_load_failures_total",
            new Tag("model", version.model().value()),
            new Tag("version", Integer.toString(version.number())))
        .inc();
    LOG.severe(() -> "ALERT model load failed: " + reason);
  }

  @Override
  public void swapped(String model, String summary) {
    LOG.info(() -> "deployment " + model + " now serves " + summary);
  }

  /**
   * What a version has served since this node started, over every route (shadow copies excluded:
   * their answers reach nobody), for judging a canary.
   */
  public CanaryEvidence evidence(ModelVersionId version) {
    Map<Route, Instruments> byRoute = instruments.getOrDefault(version, Map.of());
    long served = 0;
    long errors = 0;
    long nanos = 0;
    synchronized (byRoute) {
      for (Map.Entry<Route, Instruments> e : byRoute.entrySet()) {
        if (e.getKey() != Route.SHADOW) {
          served += e.getValue().requests().getCount();
          errors += e.getValue().serverErrors().getCount();
          nanos += e.getValue().latency().getElapsedTime().toNanos();
        }
      }
    }
    return new CanaryEvidence(served + errors, errors, nanos);
  }

  /** The versions this node has counted requests of. */
  public Set<ModelVersionId> versions() {
    return Set.copyOf(instruments.keySet());
  }

  /** Registers gauges read from elsewhere (the prediction log's counters). */
  void gauge(String name, java.util.function.Supplier<Long> value) {
    registry.gauge(name, value::get);
  }

  private Instruments of(ModelVersionId version, Route route) {
    Map<Route, Instruments> byRoute =
        instruments.computeIfAbsent(version, v -> new EnumMap<>(Route.class));
    Instruments found = byRoute.get(route);
    if (found != null) {
      return found;
    }
    synchronized (byRoute) {
      return byRoute.computeIfAbsent(route, r -> create(version, r));
    }
  }

  private Instruments create(ModelVersionId version, Route route) {
    Tag[] tags = {
      new Tag("model", version.model().value()),
      new Tag("version", Integer.toString(version.number())),
      new Tag("route", route.label())
    };
    return new Instruments(
        registry.counter("mlp_predictions_total", tags),
        registry.counter("mlp_predictions_cached_total", tags),
        registry.counter("mlp_prediction_errors_total", append(tags, new Tag("kind", "caller"))),
        registry.counter("mlp_prediction_errors_total", append(tags, new Tag("kind", "server"))),
        registry.timer("mlp_prediction_latency", tags),
        registry.histogram("mlp_prediction_batch_size", tags));
  }

  private static Tag[] append(Tag[] tags, Tag extra) {
    Tag[] all = java.util.Arrays.copyOf(tags, tags.length + 1);
    all[tags.length] = extra;
    return all;
  }
}
