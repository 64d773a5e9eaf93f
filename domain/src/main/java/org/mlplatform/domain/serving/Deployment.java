package org.mlplatform.domain.serving;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;

/**
 * How one model is served: the alias whose version answers requests, optionally a canary version
 * taking a share of them and a shadow version receiving a copy of each (its answers are logged,
 * never returned), how requests are batched and how many predictions are cached. One deployment per
 * model; replacing it is the only way to change it.
 *
 * @param alias the alias serving follows, {@code champion} when null
 * @param canary the canary route, if any (null means none)
 * @param shadowVersion the version mirroring the traffic, if any (null means none)
 * @param batching null means {@link BatchingPolicy#disabled()}
 * @param cacheEntries predictions kept in the cache, 0 (no cache) to {@value #MAX_CACHE_ENTRIES}
 * @param updatedBy who last changed the deployment
 * @param updatedAt when, kept to whole microseconds (as the database stores it)
 */
public record Deployment(
    ResourceName model,
    AliasName alias,
    Optional<CanaryRoute> canary,
    OptionalInt shadowVersion,
    BatchingPolicy batching,
    int cacheEntries,
    String updatedBy,
    Instant updatedAt) {

  public static final int MAX_CACHE_ENTRIES = 100_000;

  /** The length of the {@code updated_by} column. */
  public static final int UPDATED_BY_MAX = 200;

  public Deployment {
    Objects.requireNonNull(model, "model");
    alias = alias == null ? AliasName.CHAMPION : alias;
    canary = canary == null ? Optional.empty() : canary;
    shadowVersion = shadowVersion == null ? OptionalInt.empty() : shadowVersion;
    if (shadowVersion.isPresent() && shadowVersion.getAsInt() < 1) {
      throw new DomainValidationException(
          "shadowVersion", "version numbers start at 1, got " + shadowVersion.getAsInt());
    }
    batching = batching == null ? BatchingPolicy.disabled() : batching;
    if (cacheEntries < 0 || cacheEntries > MAX_CACHE_ENTRIES) {
      throw new DomainValidationException(
          "cacheEntries",
          "the cache holds 0 (no cache) to " + MAX_CACHE_ENTRIES + " entries, got " + cacheEntries);
    }
    if (updatedBy == null || updatedBy.isBlank()) {
      throw new DomainValidationException("updatedBy", "updatedBy must not be blank");
    }
    if (updatedBy.length() > UPDATED_BY_MAX) {
      throw new DomainValidationException(
          "updatedBy",
          "updatedBy is "
              + updatedBy.length()
              + " characters long; at most "
              + UPDATED_BY_MAX
              + " allowed");
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** A plain deployment: follows {@code champion}, no canary, no shadow, no batching, no cache. */
  public static Deployment of(ResourceName model, String updatedBy, Instant updatedAt) {
    return new Deployment(
        model,
        AliasName.CHAMPION,
        Optional.empty(),
        OptionalInt.empty(),
        BatchingPolicy.disabled(),
        0,
        updatedBy,
        updatedAt);
  }

  /** Whether predictions are cached. */
  public boolean caching() {
    return cacheEntries > 0;
  }

  public Deployment withAlias(AliasName newAlias) {
    return new Deployment(
        model, newAlias, canary, shadowVersion, batching, cacheEntries, updatedBy, updatedAt);
  }

  public Deployment withCanary(CanaryRoute route) {
    return new Deployment(
        model,
        alias,
        Optional.of(route),
        shadowVersion,
        batching,
        cacheEntries,
        updatedBy,
        updatedAt);
  }

  public Deployment withoutCanary() {
    return new Deployment(
        model,
        alias,
        Optional.empty(),
        shadowVersion,
        batching,
        cacheEntries,
        updatedBy,
        updatedAt);
  }

  public Deployment withShadow(int version) {
    return new Deployment(
        model,
        alias,
        canary,
        OptionalInt.of(version),
        batching,
        cacheEntries,
        updatedBy,
        updatedAt);
  }

  public Deployment withoutShadow() {
    return new Deployment(
        model, alias, canary, OptionalInt.empty(), batching, cacheEntries, updatedBy, updatedAt);
  }

  public Deployment withBatching(BatchingPolicy policy) {
    return new Deployment(
        model, alias, canary, shadowVersion, policy, cacheEntries, updatedBy, updatedAt);
  }

  public Deployment withCacheEntries(int entries) {
    return new Deployment(
        model, alias, canary, shadowVersion, batching, entries, updatedBy, updatedAt);
  }

  /** This deployment as changed by {@code by} at {@code at}. */
  public Deployment updated(String by, Instant at) {
    return new Deployment(model, alias, canary, shadowVersion, batching, cacheEntries, by, at);
  }
}
