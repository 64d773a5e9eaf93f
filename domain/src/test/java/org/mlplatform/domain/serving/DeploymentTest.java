package org.mlplatform.domain.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;

class DeploymentTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");

  @Test
  void aPlainDeploymentFollowsChampionWithoutCanaryShadowBatchingOrCache() {
    Deployment plain = Deployment.of(FRAUD, "alice", NOW);

    assertThat(plain.alias()).isEqualTo(AliasName.CHAMPION);
    assertThat(plain.canary()).isEmpty();
    assertThat(plain.shadowVersion()).isEmpty();
    assertThat(plain.batching()).isEqualTo(BatchingPolicy.disabled());
    assertThat(plain.batching().enabled()).isFalse();
    assertThat(plain.caching()).isFalse();
    assertThat(plain.updatedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
  }

  @Test
  void nullsMeanTheDefaults() {
    Deployment deployment = new Deployment(FRAUD, null, null, null, null, 0, "alice", NOW);

    assertThat(deployment).isEqualTo(Deployment.of(FRAUD, "alice", NOW));
  }

  @Test
  void withersChangeOnePartAndKeepTheRest() {
    Deployment full =
        Deployment.of(FRAUD, "alice", NOW)
            .withAlias(AliasName.CHALLENGER)
            .withCanary(new CanaryRoute(3, 10))
            .withShadow(4)
            .withBatching(new BatchingPolicy(32, Duration.ofMillis(5)))
            .withCacheEntries(10_000)
            .updated("bob", NOW.plusSeconds(60));

    assertThat(full)
        .isEqualTo(
            new Deployment(
                FRAUD,
                AliasName.CHALLENGER,
                Optional.of(new CanaryRoute(3, 10)),
                OptionalInt.of(4),
                new BatchingPolicy(32, Duration.ofMillis(5)),
                10_000,
                "bob",
                NOW.plusSeconds(60)));
    assertThat(full.caching()).isTrue();
    assertThat(full.batching().enabled()).isTrue();
    assertThat(full.withoutCanary().canary()).isEmpty();
    assertThat(full.withoutShadow().shadowVersion()).isEmpty();
    assertThat(full.withoutCanary().shadowVersion()).hasValue(4);
  }

  @Test
  void brokenRulesNameTheField() {
    Deployment plain = Deployment.of(FRAUD, "alice", NOW);

    assertField(() -> plain.withCacheEntries(-1), "cacheEntries");
    assertField(() -> plain.withCacheEntries(100_001), "cacheEntries");
    assertThat(plain.withCacheEntries(100_000).cacheEntries()).isEqualTo(100_000);
    assertField(() -> plain.withShadow(0), "shadowVersion");
    assertField(() -> plain.updated(" ", NOW), "updatedBy");
    assertField(() -> plain.updated(null, NOW), "updatedBy");
    assertField(() -> plain.updated("x".repeat(201), NOW), "updatedBy");
    assertThat(plain.updated("x".repeat(200), NOW).updatedBy()).hasSize(200);
    assertThatThrownBy(() -> plain.updated("alice", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Deployment.of(null, "alice", NOW))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aCanaryTakesOneToNinetyNinePercentOfAnExistingVersionNumber() {
    assertThat(new CanaryRoute(1, 1).percent()).isEqualTo(1);
    assertThat(new CanaryRoute(7, 99).percent()).isEqualTo(99);
    assertField(() -> new CanaryRoute(2, 0), "canary.percent");
    assertField(() -> new CanaryRoute(2, 100), "canary.percent");
    assertField(() -> new CanaryRoute(0, 10), "canary.version");
  }

  @Test
  void batchingTakesOneToTenTwentyFourRequestsAndWaitsAtMostAHundredMilliseconds() {
    assertThat(BatchingPolicy.disabled())
        .isEqualTo(new BatchingPolicy(1, Duration.ZERO))
        .extracting(BatchingPolicy::enabled)
        .isEqualTo(false);
    assertThat(new BatchingPolicy(2, Duration.ZERO).enabled()).isTrue();
    assertThat(new BatchingPolicy(1024, Duration.ofMillis(100)).maxDelay())
        .isEqualTo(Duration.ofMillis(100));
    assertThat(new BatchingPolicy(8, Duration.ofNanos(1_500)).maxDelay())
        .isEqualTo(Duration.ofNanos(1_000));
    assertField(() -> new BatchingPolicy(0, Duration.ZERO), "batching.maxBatchSize");
    assertField(() -> new BatchingPolicy(1025, Duration.ZERO), "batching.maxBatchSize");
    assertField(
        () -> new BatchingPolicy(8, Duration.ofMillis(100).plusNanos(1)), "batching.maxDelay");
    assertField(() -> new BatchingPolicy(8, Duration.ofNanos(-1)), "batching.maxDelay");
    assertField(() -> new BatchingPolicy(8, null), "batching.maxDelay");
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
