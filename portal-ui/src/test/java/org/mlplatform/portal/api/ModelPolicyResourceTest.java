package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.portal.api.ModelPolicyResource.PolicyBody;
import org.mlplatform.portal.models.ModelPolicies;

/** The policy resource's body and answer, without a server. */
class ModelPolicyResourceTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");

  @Test
  void fieldsLeftOutTakeTheirDefaults() {
    assertThat(new PolicyBody(null, null, null, null).terms())
        .isEqualTo(new ModelPolicies.Terms(0.01, 0.0, Optional.empty(), null));
    assertThat(new PolicyBody(0.5, 0.02, "P7D", Map.of("rmse", 1.0)).terms())
        .isEqualTo(
            new ModelPolicies.Terms(
                0.5, 0.02, Optional.of(Duration.ofDays(7)), Map.of("rmse", 1.0)));
  }

  @Test
  void aMalformedScheduleIsA400NamingIt() {
    assertThatThrownBy(() -> new PolicyBody(null, null, "every week", null).terms())
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("retrainingEvery"));
  }

  @Test
  void answersTheDefaultsAsNotSaved() {
    Map<String, Object> json = ModelPolicyResource.json(ModelPolicy.defaults(FRAUD), false);

    assertThat(json)
        .containsExactly(
            Map.entry("model", "fraud"),
            Map.entry("saved", false),
            Map.entry("metricTolerance", 0.01),
            Map.entry("retrainingMargin", 0.0),
            entry("retrainingEvery", null),
            Map.entry("metricTolerances", Map.of()),
            entry("updatedBy", null),
            entry("updatedAt", null));
  }

  @Test
  void answersASavedPolicyWithWhoAndWhen() {
    ModelPolicy policy =
        new ModelPolicy(
            FRAUD,
            0.02,
            0.01,
            Optional.of(Duration.ofHours(36)),
            Map.of("rmse", 0.5),
            "alice",
            Instant.parse("2026-03-01T12:00:00.123456Z"));

    Map<String, Object> json = ModelPolicyResource.json(policy, true);

    assertThat(json)
        .containsEntry("saved", true)
        .containsEntry("retrainingEvery", "P1DT12H")
        .containsEntry("metricTolerances", Map.of("rmse", 0.5))
        .containsEntry("updatedBy", "alice")
        .containsEntry("updatedAt", "2026-03-01T12:00:00.123456Z");
  }

  private static Map.Entry<String, Object> entry(String key, Object value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }
}
