package org.mlplatform.persistence.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;

/** Row of {@code deployment}: how one model is served. */
@Entity
@Table(name = "deployment")
class DeploymentRecord {

  @Id
  @Column(name = "model_name")
  private String modelName;

  @Column(nullable = false)
  private String alias;

  @Column(name = "canary_version")
  private Integer canaryVersion;

  @Column(name = "canary_percent")
  private Integer canaryPercent;

  @Column(name = "shadow_version")
  private Integer shadowVersion;

  @Column(name = "batch_max_size", nullable = false)
  private int batchMaxSize;

  @Column(name = "batch_max_delay_micros", nullable = false)
  private long batchMaxDelayMicros;

  @Column(name = "cache_entries", nullable = false)
  private int cacheEntries;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected DeploymentRecord() {}

  static DeploymentRecord from(Deployment deployment) {
    DeploymentRecord record = new DeploymentRecord();
    record.modelName = deployment.model().value();
    record.update(deployment);
    return record;
  }

  void update(Deployment deployment) {
    alias = deployment.alias().value();
    canaryVersion = deployment.canary().map(CanaryRoute::version).orElse(null);
    canaryPercent = deployment.canary().map(CanaryRoute::percent).orElse(null);
    OptionalInt shadow = deployment.shadowVersion();
    shadowVersion = shadow.isPresent() ? shadow.getAsInt() : null;
    batchMaxSize = deployment.batching().maxBatchSize();
    // The policy keeps whole microseconds, so nothing is lost here.
    batchMaxDelayMicros = deployment.batching().maxDelay().toNanos() / 1_000;
    cacheEntries = deployment.cacheEntries();
    updatedBy = deployment.updatedBy();
    updatedAt = deployment.updatedAt();
  }

  Deployment toDeployment() {
    return new Deployment(
        new ResourceName(modelName),
        new AliasName(alias),
        canaryVersion == null
            ? Optional.empty()
            : Optional.of(new CanaryRoute(canaryVersion, canaryPercent)),
        shadowVersion == null ? OptionalInt.empty() : OptionalInt.of(shadowVersion),
        new BatchingPolicy(batchMaxSize, Duration.ofNanos(batchMaxDelayMicros * 1_000)),
        cacheEntries,
        updatedBy,
        updatedAt);
  }
}
