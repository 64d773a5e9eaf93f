package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.DeploymentStatus.ServedVersion;
import org.mlplatform.serving.engine.Route;

class DeploymentTextTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void servedVersionsShowTheirSplit() {
    assertThat(
            DeploymentText.served(
                List.of(
                    new ServedVersion(2, Route.PRIMARY, 90),
                    new ServedVersion(3, Route.CANARY, 10),
                    new ServedVersion(4, Route.SHADOW, 0))))
        .isEqualTo("v2 primary 90%, v3 canary 10%, v4 shadow");
  }

  @Test
  void aConfiguredDeploymentIsSaidAsItAsks() {
    Deployment deployment =
        Deployment.of(ResourceName.of("model", "fraud"), "alice", AT)
            .withCanary(new CanaryRoute(3, 10))
            .withShadow(4);

    assertThat(DeploymentText.configured(deployment))
        .isEqualTo("champion, canary v3 10%, shadow v4");
    assertThat(DeploymentText.updated(deployment)).isEqualTo("alice, 2026-03-01 10:00:00 UTC");
  }

  @Test
  void batchingCacheAndLatencyAreShort() {
    assertThat(DeploymentText.batching(BatchingPolicy.disabled())).isEqualTo("off");
    assertThat(DeploymentText.batching(new BatchingPolicy(32, Duration.ofMillis(2))))
        .isEqualTo("up to 32 requests within 2 ms");
    assertThat(DeploymentText.cache(0)).isEqualTo("off");
    assertThat(DeploymentText.cache(1000)).isEqualTo("1000 entries");
    assertThat(DeploymentText.latency(14)).isEqualTo("0.014 ms");
    assertThat(DeploymentText.latency(12_500)).isEqualTo("12.5 ms");
    assertThat(DeploymentText.shorten("abcdef", 4)).isEqualTo("abc…");
  }

  @Test
  void aDeploymentTheEngineDoesNotKnowIsNotLoaded() {
    Deployment deployment = Deployment.of(ResourceName.of("model", "fraud"), "alice", AT);

    assertThat(DeploymentText.state(Optional.empty())).isEqualTo("NOT LOADED");
    assertThat(
            DeploymentText.state(
                Optional.of(
                    new DeploymentStatus(
                        deployment,
                        DeploymentStatus.State.FAILED,
                        List.of(),
                        Optional.of("no such alias"),
                        AT))))
        .isEqualTo("FAILED");
  }
}
