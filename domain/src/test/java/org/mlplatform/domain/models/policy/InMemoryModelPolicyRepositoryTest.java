package org.mlplatform.domain.models.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;

class InMemoryModelPolicyRepositoryTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final ResourceName CHURN = new ResourceName("churn");

  @Test
  void savesReplacesFindsAndDeletesOnePolicyPerModel() {
    ModelPolicyRepository repository = new InMemoryModelPolicyRepository();
    ModelPolicy first =
        new ModelPolicy(
            FRAUD,
            0.02,
            0.01,
            Optional.of(Duration.ofDays(7)),
            Map.of("rmse", 0.5),
            "alice",
            Instant.parse("2026-03-01T12:00:00Z"));
    ModelPolicy second =
        new ModelPolicy(
            FRAUD,
            0.05,
            0,
            Optional.empty(),
            Map.of(),
            "bob",
            Instant.parse("2026-03-02T12:00:00Z"));

    assertThat(repository.find(FRAUD)).isEmpty();
    repository.save(first);
    assertThat(repository.find(FRAUD)).contains(first);
    repository.save(second);
    assertThat(repository.find(FRAUD)).contains(second);
    assertThat(repository.find(CHURN)).isEmpty();

    repository.delete(CHURN);
    repository.delete(FRAUD);
    assertThat(repository.find(FRAUD)).isEmpty();
  }
}
