package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.portal.monitoring.MonitoringPolicies;
import org.mlplatform.portal.monitoring.MonitoringPolicies.Current;
import org.mlplatform.portal.monitoring.MonitoringPolicies.Terms;

/** The policy form's values: a policy into the form and the form into the service's terms. */
class MonitoringPolicyFormTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");

  private static MonitoringPolicy withOverrides() {
    return new MonitoringPolicy(
        FRAUD,
        0.07,
        Duration.ofMinutes(90),
        5_000,
        Duration.ofSeconds(30),
        List.of(
            new FeatureDriftOverride(
                "country", true, Optional.of(DriftMethod.CHI_SQUARE), OptionalDouble.empty()),
            new FeatureDriftOverride(
                "amount", false, Optional.of(DriftMethod.WASSERSTEIN), OptionalDouble.of(0.2)),
            new FeatureDriftOverride("age", false, Optional.empty(), OptionalDouble.of(0.01))),
        "alice",
        Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void theDefaultsGoThereAndBack() {
    PolicyFormValues values = PolicyFormValues.of(MonitoringPolicy.defaults(FRAUD));

    assertThat(values.driftPercent()).isEqualTo(50.0);
    assertThat(values.window()).isEqualTo(Duration.ofHours(24));
    assertThat(values.windowPredictions()).isEqualTo(100_000);
    assertThat(values.evaluateEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(values.terms()).isEqualTo(new Terms(0.5, "PT24H", 100_000, "PT5M", List.of()));
  }

  @Test
  void aPolicyWithOverridesGoesThereAndBackInTheApisKeys() {
    Terms terms = PolicyFormValues.of(withOverrides()).terms();

    assertThat(terms)
        .isEqualTo(
            new Terms(
                0.07,
                "PT1H30M",
                5_000,
                "PT30S",
                List.of(
                    new MonitoringPolicies.Override("age", false, null, 0.01),
                    new MonitoringPolicies.Override("amount", false, "wasserstein", 0.2),
                    new MonitoringPolicies.Override("country", true, "chi_square", null))));
    assertThat(Duration.parse(terms.window())).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void percentAndShareConvertWithoutBinaryNoise() {
    assertThat(PolicyFormValues.percent(0.07)).isEqualTo(7.0);
    assertThat(PolicyFormValues.percent(0.5)).isEqualTo(50.0);
    assertThat(PolicyFormValues.percent(1)).isEqualTo(100.0);
    assertThat(PolicyFormValues.share(7)).isEqualTo(0.07);
    assertThat(PolicyFormValues.share(12.5)).isEqualTo(0.125);
    assertThat(PolicyFormValues.share(PolicyFormValues.percent(0.333))).isEqualTo(0.333);
  }

  @Test
  void aShareOutsideOneToOneHundredPercentOrNoPredictionsNameTheField() {
    PolicyFormValues defaults = PolicyFormValues.of(MonitoringPolicy.defaults(FRAUD));

    for (Double percent : new Double[] {null, 0.5, 100.5}) {
      PolicyFormValues values =
          new PolicyFormValues(percent, Duration.ofHours(1), 100, Duration.ofMinutes(1), null);
      assertThatThrownBy(values::terms)
          .isInstanceOfSatisfying(
              DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("driftShare"));
    }
    PolicyFormValues noPredictions =
        new PolicyFormValues(
            defaults.driftPercent(), defaults.window(), null, defaults.evaluateEvery(), null);
    assertThatThrownBy(noPredictions::terms)
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("windowPredictions"));
  }

  @Test
  void aCustomDurationIsKeptAsAChoiceInOrder() {
    assertThat(PolicyFormValues.windowChoices(Duration.ofMinutes(90)))
        .containsExactly(
            Duration.ofHours(1),
            Duration.ofMinutes(90),
            Duration.ofHours(6),
            Duration.ofHours(24),
            Duration.ofDays(7),
            Duration.ofDays(30));
    assertThat(PolicyFormValues.windowChoices(Duration.ofHours(24)))
        .isEqualTo(PolicyFormValues.WINDOWS);
    assertThat(PolicyFormValues.everyChoices(Duration.ofSeconds(30)))
        .startsWith(Duration.ofSeconds(30), Duration.ofMinutes(1))
        .hasSize(6);
  }

  @Test
  void labels() {
    assertThat(PolicyFormValues.WINDOWS.stream().map(PolicyFormValues::windowLabel))
        .containsExactly("1 h", "6 h", "24 h", "7 days", "30 days");
    assertThat(PolicyFormValues.EVERY.stream().map(PolicyFormValues::everyLabel))
        .containsExactly("1 min", "5 min", "15 min", "1 h", "1 day");
    assertThat(PolicyFormValues.windowLabel(Duration.ofMinutes(90))).isEqualTo("90 min");
    FeatureDriftOverride country = withOverrides().overrides().get(2);
    assertThat(PolicyFormValues.methodLabel(country)).isEqualTo("chi_square");
    assertThat(PolicyFormValues.thresholdLabel(country)).isEqualTo("(default)");
    FeatureDriftOverride age = withOverrides().overrides().get(0);
    assertThat(PolicyFormValues.methodLabel(age)).isEqualTo("(default)");
    assertThat(PolicyFormValues.thresholdLabel(age)).isEqualTo("0.01");
  }

  @Test
  void statusSaysWhetherAndByWhomThePolicyWasSaved() {
    assertThat(PolicyFormValues.status(new Current(MonitoringPolicy.defaults(FRAUD), false)))
        .isEqualTo("Defaults (not saved yet).");
    assertThat(PolicyFormValues.status(new Current(withOverrides(), true)))
        .isEqualTo("Saved by alice at 2026-03-01 12:00:00 UTC.");
  }

  @Test
  void anOverrideIsAddedInFeatureOrderOncePerFeature() {
    List<FeatureDriftOverride> overrides = withOverrides().overrides();

    List<FeatureDriftOverride> added =
        PolicyFormValues.add(overrides, " balance ", false, Optional.of(DriftMethod.PSI), 0.25);

    assertThat(added)
        .extracting(FeatureDriftOverride::feature)
        .containsExactly("age", "amount", "balance", "country");
    assertThat(added.get(2).threshold()).isEqualTo(OptionalDouble.of(0.25));
    assertThatThrownBy(() -> PolicyFormValues.add(overrides, "age", false, Optional.empty(), null))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("override.feature"));
    assertThatThrownBy(() -> PolicyFormValues.add(overrides, "x", false, Optional.empty(), 2.0))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("override.threshold"));
    assertThatThrownBy(
            () ->
                PolicyFormValues.add(
                    overrides, "zip", true, Optional.of(DriftMethod.KOLMOGOROV_SMIRNOV), null))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("override.method"));
  }
}
