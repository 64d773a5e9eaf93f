package org.mlplatform.domain.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;

class InMemoryDeploymentRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void savesReplacesListsByNameAndDeletes() {
    DeploymentRepository repository = new InMemoryDeploymentRepository();
    Deployment fraud = Deployment.of(new ResourceName("fraud"), "alice", NOW);
    Deployment churn = Deployment.of(new ResourceName("churn"), "alice", NOW);

    repository.save(fraud);
    repository.save(churn);
    repository.save(fraud.withCanary(new CanaryRoute(2, 5)));

    assertThat(repository.find(fraud.model()))
        .hasValueSatisfying(d -> assertThat(d.canary()).contains(new CanaryRoute(2, 5)));
    assertThat(repository.all())
        .extracting(d -> d.model().value())
        .containsExactly("churn", "fraud");

    repository.delete(fraud.model());
    repository.delete(fraud.model()); // twice: harmless

    assertThat(repository.find(fraud.model())).isEmpty();
    assertThat(repository.all()).containsExactly(churn);
  }
}
