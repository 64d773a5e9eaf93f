package org.mlplatform.domain.monitoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.DriftOptions;

class FeatureDriftOverrideTest {

  private static FeatureDriftOverride override(DriftMethod method, double threshold) {
    return new FeatureDriftOverride(
        "amount", false, Optional.ofNullable(method), OptionalDouble.of(threshold));
  }

  private static void assertField(ThrowingCallable build, String field, String messagePart) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void becomesTheDriftOptionsItStandsFor() {
    FeatureDriftOverride full =
        new FeatureDriftOverride(
            "country", true, Optional.of(DriftMethod.JENSEN_SHANNON), OptionalDouble.of(0.2));
    assertThat(full.toOptions())
        .isEqualTo(
            DriftOptions.defaults()
                .asCategorical()
                .withMethod(DriftMethod.JENSEN_SHANNON)
                .withThreshold(0.2));

    FeatureDriftOverride bare =
        new FeatureDriftOverride("amount", false, Optional.empty(), OptionalDouble.empty());
    assertThat(bare.toOptions()).isEqualTo(DriftOptions.defaults());
  }

  @Test
  void nullOptionalsReadAsNone() {
    FeatureDriftOverride override = new FeatureDriftOverride("amount", true, null, null);

    assertThat(override.method()).isEmpty();
    assertThat(override.threshold()).isEmpty();
    assertThat(override.toOptions()).isEqualTo(DriftOptions.defaults().asCategorical());
  }

  @Test
  void featureIsNotBlankAndAtMost200Characters() {
    assertField(
        () -> new FeatureDriftOverride(null, false, null, null), "feature", "must not be blank");
    assertField(
        () -> new FeatureDriftOverride(" ", false, null, null), "feature", "must not be blank");
    assertField(
        () -> new FeatureDriftOverride("f".repeat(201), false, null, null),
        "feature",
        "at most 200");
    assertThat(new FeatureDriftOverride("f".repeat(200), false, null, null).feature()).hasSize(200);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, Double.NaN, Double.POSITIVE_INFINITY})
  void thresholdIsAFiniteNumberOfZeroOrMore(double threshold) {
    assertField(() -> override(DriftMethod.PSI, threshold), "threshold", "threshold");
    assertField(() -> override(null, threshold), "threshold", "threshold");
  }

  @Test
  void aPValueThresholdIsAtMostOneADistanceMayBeMore() {
    assertField(() -> override(DriftMethod.KOLMOGOROV_SMIRNOV, 1.5), "threshold", "at most 1");
    assertField(() -> override(DriftMethod.CHI_SQUARE, 1.01), "threshold", "at most 1");
    assertThat(override(DriftMethod.Z_TEST, 1).threshold()).hasValue(1);
    assertThat(override(DriftMethod.PSI, 2.5).threshold()).hasValue(2.5);
    assertThat(override(DriftMethod.WASSERSTEIN, 3).threshold()).hasValue(3);
  }

  @Test
  void withoutAMethodTheThresholdIsAtMostOne() {
    assertThat(override(null, 1).threshold()).hasValue(1);
    assertField(() -> override(null, 1.2), "threshold", "name a distance method");
  }

  @Test
  void aCategoricalFeatureCannotHaveANumbersOnlyMethod() {
    assertField(
        () ->
            new FeatureDriftOverride(
                "zip", true, Optional.of(DriftMethod.KOLMOGOROV_SMIRNOV), OptionalDouble.empty()),
        "method",
        "declared categorical");
    assertField(
        () ->
            new FeatureDriftOverride(
                "zip", true, Optional.of(DriftMethod.WASSERSTEIN), OptionalDouble.empty()),
        "method",
        "compares numbers");
    assertThat(
            new FeatureDriftOverride(
                    "zip", true, Optional.of(DriftMethod.CHI_SQUARE), OptionalDouble.empty())
                .method())
        .contains(DriftMethod.CHI_SQUARE);
  }

  @Test
  void negativeZeroIsZero() {
    assertThat(override(DriftMethod.PSI, -0.0)).isEqualTo(override(DriftMethod.PSI, 0.0));
  }

  @Test
  void ofNamesTheFieldInsideTheList() {
    assertField(
        () ->
            FeatureDriftOverride.of(
                "overrides[2]",
                "amount",
                false,
                Optional.of(DriftMethod.CHI_SQUARE),
                OptionalDouble.of(2)),
        "overrides[2].threshold",
        "at most 1");
    assertField(
        () -> FeatureDriftOverride.of("overrides[0]", "", false, null, null),
        "overrides[0].feature",
        "blank");
    assertThat(FeatureDriftOverride.of("overrides[0]", "amount", false, null, null))
        .isEqualTo(new FeatureDriftOverride("amount", false, null, null));
  }
}
