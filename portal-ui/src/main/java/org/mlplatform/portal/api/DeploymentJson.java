package org.mlplatform.portal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.serving.engine.DeploymentStatus;

/** A deployment as the API shows it, and the body that creates or changes one. */
public record DeploymentJson(
    String model,
    String alias,
    Canary canary,
    Integer shadowVersion,
    Batching batching,
    int cacheEntries,
    String updatedBy,
    Instant updatedAt,
    Status status) {

  public record Canary(Integer version, Integer percent) {}

  public record Batching(Integer maxBatchSize, Double maxDelayMs) {}

  public record Served(int version, String route, int percent) {}

  public record Status(String state, List<Served> versions, String lastError, Instant since) {}

  /**
   * {@code {"alias": "champion", "canary": {"version": 3, "percent": 10}, "shadowVersion": 4,
   * "batching": {"maxBatchSize": 32, "maxDelayMs": 2}, "cacheEntries": 1000}}; all optional.
   */
  public record Spec(
      String alias, Canary canary, Integer shadowVersion, Batching batching, Integer cacheEntries) {

    Deployment toDeployment(ResourceName model, String by, Instant at) {
      Deployment deployment = Deployment.of(model, by, at);
      if (alias != null) {
        deployment = deployment.withAlias(AliasName.of("alias", alias));
      }
      if (canary != null) {
        if (canary.version() == null || canary.percent() == null) {
          throw new DomainValidationException("canary", "name the canary's version and percent");
        }
        deployment = deployment.withCanary(new CanaryRoute(canary.version(), canary.percent()));
      }
      if (shadowVersion != null) {
        deployment = deployment.withShadow(shadowVersion);
      }
      if (batching != null) {
        double delay = Objects.requireNonNullElse(batching.maxDelayMs(), 0.0);
        if (!(delay >= 0) || delay > 100) {
          throw new DomainValidationException("batching.maxDelayMs", "between 0 and 100");
        }
        deployment =
            deployment.withBatching(
                new BatchingPolicy(
                    Objects.requireNonNullElse(batching.maxBatchSize(), 1),
                    Duration.ofNanos(Math.round(delay * 1_000_000))));
      }
      if (cacheEntries != null) {
        deployment = deployment.withCacheEntries(cacheEntries);
      }
      return deployment;
    }
  }

  static DeploymentJson of(Deployment d, DeploymentStatus status) {
    return new DeploymentJson(
        d.model().value(),
        d.alias().value(),
        d.canary().map(c -> new Canary(c.version(), c.percent())).orElse(null),
        d.shadowVersion().isPresent() ? d.shadowVersion().getAsInt() : null,
        new Batching(d.batching().maxBatchSize(), d.batching().maxDelay().toNanos() / 1e6),
        d.cacheEntries(),
        d.updatedBy(),
        d.updatedAt(),
        status == null
            ? new Status("NOT_LOADED", List.of(), null, null)
            : new Status(
                status.state().name(),
                status.versions().stream()
                    .map(v -> new Served(v.version(), v.route().label(), v.percent()))
                    .toList(),
                status.lastError().orElse(null),
                status.since()));
  }
}
