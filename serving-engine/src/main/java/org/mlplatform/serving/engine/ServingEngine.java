package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.serving.inference.SignatureBinding;

/**
 * Serves deployed models: {@link #apply} loads what a deployment needs off the request path and
 * then swaps its routing table in one step; {@link #lease} hands a request the version to run on,
 * referenced until the request is done, so a swap never closes a session under a running request.
 */
public final class ServingEngine implements AutoCloseable {

  private static final int SHADOW_QUEUE = 1_000;

  private final OrtEnvironment environment;
  private final VersionLoader loader;
  private final VersionSource source;
  private final ServingObserver observer;
  private final PredictionLog log;
  private final ThreadFactory threads;
  private final Clock clock;
  private final Map<ResourceName, ServedModel> models = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor shadows;
  private final LongAdder shadowsDropped = new LongAdder();

  public ServingEngine(
      OrtEnvironment environment,
      SessionSettings settings,
      VersionSource source,
      ServingObserver observer,
      PredictionLog log,
      ThreadFactory threads,
      Clock clock) {
    this.environment = environment;
    this.loader = new VersionLoader(environment, settings);
    this.source = source;
    this.observer = observer;
    this.log = log;
    this.threads = threads;
    this.clock = clock;
    this.shadows =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(SHADOW_QUEUE),
            threads,
            (task, pool) -> shadowsDropped.increment());
  }

  /**
   * Loads the versions a deployment needs (reusing those already loaded) and swaps them in. When a
   * version fails to load, whatever served before keeps serving and the failure is reported.
   */
  public DeploymentStatus apply(Deployment deployment) throws VersionLoadException {
    ServedModel served =
        models.computeIfAbsent(deployment.model(), m -> new ServedModel(m, deployment, clock));
    synchronized (served) {
      Routing current = served.routing();
      Map<Integer, LoadedVersion> reusable = current == null ? Map.of() : current.loaded();
      Map<Integer, LoadedVersion> fresh = new HashMap<>();
      try {
        LoadedVersion primary =
            load(source.resolve(deployment.model(), deployment.alias()), reusable, fresh);
        LoadedVersion canary = null;
        if (deployment.canary().isPresent()) {
          canary =
              load(versionOf(deployment, deployment.canary().get().version()), reusable, fresh);
        }
        LoadedVersion shadow = null;
        if (deployment.shadowVersion().isPresent()) {
          shadow =
              load(versionOf(deployment, deployment.shadowVersion().getAsInt()), reusable, fresh);
        }
        Routing next = routing(deployment, primary, canary, shadow);
        served.swap(next, clock.instant());
        if (current != null) {
          current.closeBatchers();
          current
              .loaded()
              .forEach(
                  (number, loaded) -> {
                    if (!next.loaded().containsKey(number)) {
                      loaded.retire();
                    }
                  });
        }
        observer.swapped(deployment.model().value(), describe(next));
        return served.status();
      } catch (VersionLoadException e) {
        fresh.values().forEach(LoadedVersion::retire);
        served.failed(deployment, e.getMessage(), clock.instant());
        observer.loadFailed(e.version(), e.getMessage());
        throw e;
      } catch (RuntimeException e) {
        fresh.values().forEach(LoadedVersion::retire);
        served.failed(deployment, e.getMessage(), clock.instant());
        throw e;
      }
    }
  }

  /** Re-resolves deployments that serve this alias of the model, after the alias moved. */
  public Optional<DeploymentStatus> aliasMoved(ResourceName model, AliasName alias)
      throws VersionLoadException {
    ServedModel served = models.get(model);
    if (served == null || !served.deployment().alias().equals(alias)) {
      return Optional.empty();
    }
    return Optional.of(apply(served.deployment()));
  }

  /** Stops serving a model and closes its sessions once in-flight requests are done. */
  public void remove(ResourceName model) {
    ServedModel served = models.remove(model);
    if (served == null) {
      return;
    }
    synchronized (served) {
      Routing current = served.routing();
      served.swap(null, clock.instant());
      if (current != null) {
        current.closeBatchers();
        current.loaded().values().forEach(LoadedVersion::retire);
      }
    }
  }

  /**
   * The version a request runs on: the given version when the deployment serves it, otherwise
   * primary or canary by the split. The lease must be closed.
   */
  public ServingLease lease(ResourceName model, OptionalInt version, String stickyKey) {
    ServedModel served = models.get(model);
    if (served == null) {
      throw new ModelNotServedException("model " + model + " is not deployed", false);
    }
    while (true) {
      Routing routing = served.routing();
      if (routing == null) {
        throw new ModelNotServedException(
            served
                .status()
                .lastError()
                .map(e -> "model " + model + " is not serving: " + e)
                .orElse("model " + model + " is loading; try again shortly"),
            served.status().lastError().isEmpty());
      }
      Routing.Selected selected =
          version.isPresent() ? routing.byNumber(version.getAsInt()) : routing.pick(stickyKey);
      if (selected == null) {
        throw new ModelNotServedException(
            "version "
                + version.getAsInt()
                + " of "
                + model
                + " is not served; served: "
                + routing.served().stream()
                    .map(v -> v.version() + " (" + v.route().label() + ")")
                    .collect(Collectors.joining(", ")),
            false);
      }
      if (selected.loaded().acquire()) {
        return new ServingLease(this, served, routing, selected.loaded(), selected.route());
      }
      // Swapped and closed between reading the table and acquiring: read the new table.
    }
  }

  public Optional<DeploymentStatus> status(ResourceName model) {
    return Optional.ofNullable(models.get(model)).map(ServedModel::status);
  }

  public List<DeploymentStatus> statuses() {
    return new ArrayList<>(models.values().stream().map(ServedModel::status).toList());
  }

  public Optional<TrafficWindow> traffic(ResourceName model) {
    return Optional.ofNullable(models.get(model)).map(ServedModel::traffic);
  }

  /** Cache hits and misses of a deployment's current routing table. */
  public Optional<long[]> cacheCounts(ResourceName model) {
    return Optional.ofNullable(models.get(model))
        .map(ServedModel::routing)
        .filter(r -> r.cache != null)
        .map(r -> new long[] {r.cache.hits(), r.cache.misses(), r.cache.size()});
  }

  public long shadowsDropped() {
    return shadowsDropped.sum();
  }

  OrtEnvironment environment() {
    return environment;
  }

  ServingObserver observer() {
    return observer;
  }

  PredictionLog log() {
    return log;
  }

  Clock clock() {
    return clock;
  }

  void shadow(Runnable copy) {
    shadows.execute(copy);
  }

  @Override
  public void close() {
    List.copyOf(models.keySet()).forEach(this::remove);
    shadows.shutdown();
  }

  private ModelVersion versionOf(Deployment deployment, int number) {
    return source.version(new ModelVersionId(deployment.model(), number));
  }

  private LoadedVersion load(
      ModelVersion version, Map<Integer, LoadedVersion> reusable, Map<Integer, LoadedVersion> fresh)
      throws VersionLoadException {
    LoadedVersion existing = reusable.get(version.number());
    if (existing != null) {
      return existing;
    }
    LoadedVersion already = fresh.get(version.number());
    if (already != null) {
      return already;
    }
    byte[] bytes;
    try {
      bytes = source.artifact(version);
    } catch (RuntimeException e) {
      throw new VersionLoadException(
          version.id(), "its model file cannot be read: " + e.getMessage());
    }
    LogMask mask;
    try {
      mask = source.logMask(version);
    } catch (RuntimeException e) {
      throw new VersionLoadException(
          version.id(), "which of its inputs hold personal data cannot be read: " + e.getMessage());
    }
    LoadedVersion loaded = loader.load(version, bytes, mask);
    fresh.put(version.number(), loaded);
    return loaded;
  }

  private Routing routing(
      Deployment deployment, LoadedVersion primary, LoadedVersion canary, LoadedVersion shadow) {
    Map<Integer, MicroBatcher> batchers = new HashMap<>();
    if (deployment.batching().enabled()) {
      for (LoadedVersion loaded : List.of(primary, canary == null ? primary : canary)) {
        if (SignatureBinding.batchable(loaded.version().signature())) {
          batchers.computeIfAbsent(
              loaded.id().number(),
              n -> new MicroBatcher(environment, loaded, deployment.batching(), threads));
        }
      }
    }
    PredictionCache cache =
        deployment.cacheEntries() > 0 ? new PredictionCache(deployment.cacheEntries()) : null;
    return new Routing(deployment, primary, canary, shadow, batchers, cache);
  }

  private static String describe(Routing routing) {
    return routing.served().stream()
        .map(v -> "v" + v.version() + " " + v.route().label() + " " + v.percent() + "%")
        .collect(Collectors.joining(", "));
  }
}
