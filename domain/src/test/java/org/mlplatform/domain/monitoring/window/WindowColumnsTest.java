package org.mlplatform.domain.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows go in column by column, grow past the first allocation, and stop at the cap. */
class WindowColumnsTest {

  @Test
  void keepsRowsColumnByColumnAndLabelsByCode() {
    WindowColumns window = new WindowColumns(List.of("a", "b"), PredictionKind.LABEL, 10);
    double[] flat = {1, 2, 3, Double.NaN};

    assertThat(window.addLabelled(flat, 0, "fraud")).isTrue();
    assertThat(window.addLabelled(flat, 2, null)).isTrue();

    assertThat(window.rows()).isEqualTo(2);
    assertThat(window.feature(0)).containsExactly(1, 3);
    assertThat(window.feature(1)[0]).isEqualTo(2);
    assertThat(window.feature(1)[1]).isNaN();
    assertThat(window.predictedLabels()).containsExactly("fraud", null);
    assertThat(window.predictedValues()).isEmpty();
  }

  @Test
  void growsPastItsFirstAllocationAndStopsAtTheCap() {
    WindowColumns window = new WindowColumns(List.of("x"), PredictionKind.VALUE, 3_000);
    for (int i = 0; i < 3_500; i++) {
      window.addValued(new double[] {i}, 0, i * 2.0);
    }

    assertThat(window.rows()).isEqualTo(3_000);
    assertThat(window.full()).isTrue();
    assertThat(window.refused()).isEqualTo(500);
    assertThat(window.feature(0)[2_999]).isEqualTo(2_999);
    assertThat(window.predictedValues()[2_999]).isEqualTo(5_998);
  }

  @Test
  void refusesTheOtherKindOfPredictionAndAnEmptyCap() {
    WindowColumns window = new WindowColumns(List.of("x"), PredictionKind.VALUE, 1);

    assertThatThrownBy(() -> window.addLabelled(new double[] {1}, 0, "a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new WindowColumns(List.of("x"), PredictionKind.VALUE, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
