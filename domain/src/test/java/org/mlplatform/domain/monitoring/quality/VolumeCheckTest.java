package org.mlplatform.domain.monitoring.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class VolumeCheckTest {

  @Test
  void relativeChangeAgainstTheMeanOfEarlierWindows() {
    VolumeCheck check = VolumeCheck.againstEarlierWindows(50, 100, 80, 120);

    assertThat(check.isComputed()).isTrue();
    assertThat(check.expectedRows()).hasValue(100);
    assertThat(check.relativeChange()).hasValue(-0.5);
    assertThat(check.reason()).isEmpty();
    assertThat(VolumeCheck.of(300, OptionalDouble.of(150)).relativeChange()).hasValue(1.0);
    assertThat(VolumeCheck.of(0, OptionalDouble.of(150)).relativeChange()).hasValue(-1.0);
  }

  @Test
  void withoutAnExpectationThereIsNoChange() {
    VolumeCheck noWindows = VolumeCheck.againstEarlierWindows(50);
    assertThat(noWindows.status()).isEqualTo(QualityStatus.NOT_COMPUTABLE);
    assertThat(noWindows.relativeChange()).isEmpty();
    assertThat(noWindows.reason()).hasValue("no earlier windows");

    assertThat(VolumeCheck.of(50, OptionalDouble.empty()).reason())
        .hasValue("no expected row count");
    VolumeCheck expectedNothing = VolumeCheck.againstEarlierWindows(5, 0, 0);
    assertThat(expectedNothing.isComputed()).isFalse();
    assertThat(expectedNothing.expectedRows()).hasValue(0);
    assertThat(expectedNothing.reason()).hasValue("no rows were expected");
  }

  @Test
  void negativeCountsAndUnusableExpectationsAreRejected() {
    assertThatThrownBy(() -> VolumeCheck.of(-1, OptionalDouble.of(3)))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("currentRows"));
    assertThatThrownBy(() -> VolumeCheck.of(1, OptionalDouble.of(Double.NaN)))
        .isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> VolumeCheck.againstEarlierWindows(1, 4, -2))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("earlierWindowRows"));
  }
}
