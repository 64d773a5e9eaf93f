package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;

class DeploymentInputTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private static DeploymentInput input(
      String canaryVersion, String canaryPercent, String batch, String delay, String cache) {
    return new DeploymentInput(
        " fraud ", "champion", canaryVersion, canaryPercent, "", batch, delay, cache);
  }

  @Test
  void theDefaultsArePlainChampionServing() {
    Deployment deployment = DeploymentInput.defaults("fraud").toDeployment("alice", AT);

    assertThat(deployment).isEqualTo(Deployment.of(ResourceName.of("model", "fraud"), "alice", AT));
  }

  @Test
  void everyFieldReachesTheDeployment() {
    Deployment deployment =
        new DeploymentInput("fraud", "challenger", "3", "10", "4", "32", "2.5", "1000")
            .toDeployment("alice", AT);

    assertThat(deployment.alias()).isEqualTo(AliasName.CHALLENGER);
    assertThat(deployment.canary()).contains(new CanaryRoute(3, 10));
    assertThat(deployment.shadowVersion()).hasValue(4);
    assertThat(deployment.batching())
        .isEqualTo(new BatchingPolicy(32, Duration.ofMillis(2).plusNanos(500_000)));
    assertThat(deployment.cacheEntries()).isEqualTo(1000);
    assertThat(deployment.updatedBy()).isEqualTo("alice");
  }

  @Test
  void aDeploymentRoundTripsThroughTheForm() {
    Deployment original =
        Deployment.of(ResourceName.of("model", "fraud"), "bob", AT)
            .withCanary(new CanaryRoute(5, 20))
            .withShadow(6)
            .withBatching(new BatchingPolicy(8, Duration.ofNanos(125_000)))
            .withCacheEntries(50);

    DeploymentInput input = DeploymentInput.of(original);

    assertThat(input.maxDelayMs()).isEqualTo("0.125");
    assertThat(input.toDeployment("bob", AT)).isEqualTo(original);
  }

  @Test
  void blanksMeanNotSet() {
    Deployment deployment = input(" ", "", "", "", "").toDeployment("alice", AT);

    assertThat(deployment.canary()).isEmpty();
    assertThat(deployment.batching()).isEqualTo(BatchingPolicy.disabled());
    assertThat(deployment.cacheEntries()).isZero();
  }

  @Test
  void aCanaryNeedsBothItsVersionAndItsShare() {
    assertThatThrownBy(() -> input("3", "", "1", "0", "0").toDeployment("alice", AT))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("canary.percent"));
    assertThatThrownBy(() -> input("", "10", "1", "0", "0").toDeployment("alice", AT))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("canary.version"));
  }

  @Test
  void errorsNameTheFieldInTheDomainsTerms() {
    assertField(input("x", "10", "1", "0", "0"), "canary.version", "whole number");
    assertField(input("3", "100", "1", "0", "0"), "canary.percent", "1 to 99");
    assertField(input("", "", "2000", "0", "0"), "batching.maxBatchSize", "1 to 1024");
    assertField(input("", "", "8", "abc", "0"), "batching.maxDelay", "milliseconds");
    assertField(input("", "", "8", "150", "0"), "batching.maxDelay", "0 to 100 ms");
    assertField(input("", "", "1", "0", "-1"), "cacheEntries", "0 (no cache)");
    assertField(new DeploymentInput("Fraud!", "champion", "", "", "", "1", "0", "0"), "model", "");
    assertField(
        new DeploymentInput("fraud", "Champion", "", "", "", "1", "0", "0"), "alias", "alias");
    assertField(
        new DeploymentInput("fraud", "champion", "", "", "0", "1", "0", "0"),
        "shadowVersion",
        "start at 1");
  }

  private static void assertField(DeploymentInput input, String field, String message) {
    assertThatThrownBy(() -> input.toDeployment("alice", AT))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
