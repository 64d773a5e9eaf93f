package org.mlplatform.portal.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;

class ModelPoliciesTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");

  @Test
  void theAuditSummarySaysWhatWasSet() {
    ModelPolicy policy =
        new ModelPolicy(
            FRAUD,
            0.02,
            0.0,
            Optional.of(Duration.ofDays(7)),
            Map.of("rmse", 0.5, "auc", 0.0),
            "alice",
            Instant.EPOCH);

    assertThat(ModelPolicies.summary(policy))
        .isEqualTo("tolerance 0.02, margin 0.0, retrain every P7D, per metric: auc 0.0, rmse 0.5");
    assertThat(ModelPolicies.summary(ModelPolicy.defaults(FRAUD)))
        .isEqualTo("tolerance 0.01, margin 0.0, retrain every -");
  }

  @Test
  void theAuditSummaryFitsTheAuditColumn() {
    Map<String, Double> many = new HashMap<>();
    IntStream.range(0, 50).forEach(i -> many.put("m".repeat(90) + i, 0.5));
    ModelPolicy policy =
        new ModelPolicy(FRAUD, 0.02, 0.0, Optional.empty(), many, "alice", Instant.EPOCH);

    assertThat(ModelPolicies.summary(policy)).hasSizeLessThanOrEqualTo(2000).endsWith("...");
  }

  @Test
  void termsOfAPolicyGiveTheSamePolicyBack() {
    ModelPolicy policy =
        new ModelPolicy(
            FRAUD,
            0.02,
            0.01,
            Optional.of(Duration.ofHours(2)),
            Map.of("f1", 0.1),
            "",
            Instant.EPOCH);
    ModelPolicies.Terms terms = ModelPolicies.Terms.of(policy);

    assertThat(
            new ModelPolicy(
                FRAUD,
                terms.metricTolerance(),
                terms.retrainingMargin(),
                terms.retrainingEvery(),
                terms.metricTolerances(),
                "",
                Instant.EPOCH))
        .isEqualTo(policy);
    assertThat(new ModelPolicies.Terms(0.01, 0, null, null).retrainingEvery()).isEmpty();
  }
}
