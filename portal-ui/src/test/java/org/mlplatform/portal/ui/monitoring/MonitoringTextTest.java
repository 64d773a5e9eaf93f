package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MonitoringTextTest {

  @Test
  void numbersKeepFourSignificantDigitsWithoutTrailingZeros() {
    assertThat(MonitoringText.number(0.1)).isEqualTo("0.1");
    assertThat(MonitoringText.number(0.123456)).isEqualTo("0.1235");
    assertThat(MonitoringText.number(1200)).isEqualTo("1200");
    assertThat(MonitoringText.number(0)).isEqualTo("0");
    assertThat(MonitoringText.number(3e-5)).isEqualTo("3.00e-05");
    assertThat(MonitoringText.number(Double.NaN)).isEqualTo(MonitoringText.NONE);
    assertThat(MonitoringText.number(OptionalDouble.empty())).isEqualTo(MonitoringText.NONE);
  }

  @Test
  void sharesArePercentages() {
    assertThat(MonitoringText.share(0.125)).isEqualTo("12.5 %");
    assertThat(MonitoringText.share(0)).isEqualTo("0 %");
    assertThat(MonitoringText.share(0.0004)).isEqualTo("<0.1 %");
    assertThat(MonitoringText.share(1)).isEqualTo("100.0 %");
    assertThat(MonitoringText.share(OptionalDouble.empty())).isEqualTo(MonitoringText.NONE);
  }

  @Test
  void latenciesAndCounts() {
    assertThat(MonitoringText.millis(1500)).isEqualTo("1.5 ms");
    assertThat(MonitoringText.count(1234567)).isEqualTo("1,234,567");
  }

  @Test
  void windowsReadInTheirLargestWholeUnit() {
    assertThat(MonitoringText.window(Duration.ofHours(1))).isEqualTo("1 h");
    assertThat(MonitoringText.window(Duration.ofHours(24))).isEqualTo("24 h");
    assertThat(MonitoringText.window(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(MonitoringText.window(Duration.ofMinutes(90))).isEqualTo("90 min");
    assertThat(MonitoringText.window(Duration.ofSeconds(45))).isEqualTo("45 s");
  }

  @Test
  void reasonsBecomeSentences() {
    assertThat(MonitoringText.sentence("no predictions of v3 in this window"))
        .isEqualTo("No predictions of v3 in this window.");
    assertThat(MonitoringText.sentence("Done.")).isEqualTo("Done.");
  }

  @Test
  void theWindowChoiceNamesThePolicyLengthOnceKnown() {
    assertThat(MonitoringWindow.POLICY.label(Optional.empty())).isEqualTo("Policy window");
    assertThat(MonitoringWindow.POLICY.label(Optional.of(Duration.ofHours(24))))
        .isEqualTo("Policy window (24 h)");
    assertThat(MonitoringWindow.WEEK.label(Optional.of(Duration.ofHours(1))))
        .isEqualTo("Last 7 days");
  }
}
