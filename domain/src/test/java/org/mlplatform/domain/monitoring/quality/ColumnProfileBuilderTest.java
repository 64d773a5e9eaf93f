package org.mlplatform.domain.monitoring.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class ColumnProfileBuilderTest {

  private static NumericProfile numbers(double... values) {
    ColumnProfileBuilder builder = ColumnProfileBuilder.numeric();
    for (double value : values) {
      builder.addNumber(value);
    }
    return (NumericProfile) builder.build();
  }

  @Test
  void missingNanAndInfinityAreCountedApart() {
    NumericProfile profile =
        (NumericProfile)
            ColumnProfileBuilder.numeric()
                .addNumber(1)
                .addNumber(Double.NaN)
                .addNumber(Double.POSITIVE_INFINITY)
                .addNumber(Double.NEGATIVE_INFINITY)
                .addMissing()
                .addNumber(3)
                .build();

    assertThat(profile.rows()).isEqualTo(6);
    assertThat(profile.missing()).isEqualTo(1);
    assertThat(profile.nan()).isEqualTo(1);
    assertThat(profile.infinite()).isEqualTo(2);
    assertThat(profile.finite()).isEqualTo(2);
    assertThat(profile.min()).hasValue(1);
    assertThat(profile.max()).hasValue(3);
    assertThat(profile.mean()).hasValue(2);
    assertThat(profile.populationStandardDeviation()).hasValue(1);
    assertThat(profile.distinctValues()).isEqualTo(new DistinctCount(2, false));
    assertThat(profile.outOfRange()).isEmpty();
  }

  @Test
  void welfordMeanAndDeviationEqualTwoPassOnesWithinRounding() {
    Random random = new Random(42);
    double[] values = new double[100_000];
    for (int i = 0; i < values.length; i++) {
      // An offset far above the spread, where a one-pass sum of squares loses digits.
      values[i] = 1e4 + random.nextGaussian();
    }
    double mean = 0;
    for (double value : values) {
      mean += value;
    }
    mean /= values.length;
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double deviation = Math.sqrt(squares / values.length);

    NumericProfile profile = numbers(values);

    assertThat(profile.mean().getAsDouble()).isCloseTo(mean, within(1e-12 * Math.abs(mean)));
    assertThat(profile.populationStandardDeviation().getAsDouble())
        .isCloseTo(deviation, within(1e-12 * deviation));
  }

  @Test
  void oneValueHasDeviationZeroAndNoFiniteValuesHaveNoStatistics() {
    assertThat(numbers(5).populationStandardDeviation()).hasValue(0);

    NumericProfile none = numbers(Double.NaN);
    assertThat(none.min()).isEmpty();
    assertThat(none.max()).isEmpty();
    assertThat(none.mean()).isEmpty();
    assertThat(none.populationStandardDeviation()).isEmpty();
    assertThat(none.distinctValues().count()).isZero();
  }

  @Test
  void valuesThatOverflowTheArithmeticGiveNoMeanRatherThanNaN() {
    NumericProfile profile = numbers(-Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);

    assertThat(profile.min()).hasValue(-Double.MAX_VALUE);
    assertThat(profile.mean()).isEmpty();
    assertThat(profile.populationStandardDeviation()).isEmpty();
  }

  @Test
  void distinctValuesAreCountedUpToTheLimitAndMinusZeroIsZero() {
    assertThat(numbers(0.0, -0.0, 1).distinctValues().count()).isEqualTo(2);
    assertThat(numbers(-0.0).min()).hasValue(0.0);

    ColumnProfileBuilder builder = ColumnProfileBuilder.numeric();
    for (int i = 0; i < ColumnProfile.MAX_TRACKED_VALUES; i++) {
      builder.addNumber(i);
    }
    assertThat(((NumericProfile) builder.build()).distinctValues())
        .isEqualTo(new DistinctCount(1_000, false));
    builder.addNumber(-1);
    DistinctCount over = ((NumericProfile) builder.build()).distinctValues();
    assertThat(over.moreThanLimit()).isTrue();
    assertThat(over).hasToString("more than 1000");
  }

  @Test
  void categoriesAreCountedUpToTheLimitThenGoToOther() {
    ColumnProfileBuilder builder =
        ColumnProfileBuilder.categorical().addCategory("a").addCategory("a").addCategory(null);
    builder.addCategory("");
    CategoricalProfile small = (CategoricalProfile) builder.build();
    assertThat(small.counts()).isEqualTo(Map.of("a", 2L, "", 1L));
    assertThat(small.missing()).isEqualTo(1);
    assertThat(small.overflowed()).isFalse();

    for (int i = 0; i < ColumnProfile.MAX_TRACKED_VALUES + 5; i++) {
      builder.addCategory("c" + i);
    }
    builder.addCategory("a");
    CategoricalProfile big = (CategoricalProfile) builder.build();
    assertThat(big.counts()).hasSize(ColumnProfile.MAX_TRACKED_VALUES).containsEntry("a", 3L);
    assertThat(big.other()).isEqualTo(7);
    assertThat(big.overflowed()).isTrue();
    assertThat(big.rows()).isEqualTo(4 + ColumnProfile.MAX_TRACKED_VALUES + 5 + 1);
  }

  @Test
  void aBuilderTakesOnlyValuesOfItsKind() {
    assertThatThrownBy(() -> ColumnProfileBuilder.numeric().addCategory("a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ColumnProfileBuilder.categorical().addNumber(1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mergingChecksWhatItMerges() {
    ColumnProfileBuilder numeric = ColumnProfileBuilder.numeric();
    assertThatThrownBy(() -> numeric.merge(numeric)).isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> numeric.merge(ColumnProfileBuilder.categorical()))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("other"));
    ColumnProfileBuilder againstOne = ColumnProfileBuilder.againstReference(numbers(0, 1));
    assertThatThrownBy(() -> againstOne.merge(numeric))
        .isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> againstOne.merge(ColumnProfileBuilder.againstReference(numbers(0, 2))))
        .isInstanceOf(DomainValidationException.class);
  }

  @Test
  void mergedNumericChunksGiveTheSequentialProfile() {
    Random random = new Random(7);
    NumericProfile reference = numbers(-1, 1);
    for (int trial = 0; trial < 200; trial++) {
      int rows = random.nextInt(3_000);
      // Few distinct values in some trials, more than the limit in others.
      int spread = random.nextBoolean() ? 50 : 1_000_000;
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        values.add(randomValue(random, spread));
      }
      ColumnProfileBuilder sequential = ColumnProfileBuilder.againstReference(reference);
      values.forEach(value -> add(sequential, value));
      ColumnProfileBuilder merged = ColumnProfileBuilder.againstReference(reference);
      for (List<Double> chunk : chunks(values, random)) {
        ColumnProfileBuilder part = ColumnProfileBuilder.againstReference(reference);
        chunk.forEach(value -> add(part, value));
        merged.merge(part);
      }

      NumericProfile expected = (NumericProfile) sequential.build();
      NumericProfile actual = (NumericProfile) merged.build();
      assertThat(actual)
          .usingRecursiveComparison()
          .ignoringFields("mean", "populationStandardDeviation")
          .isEqualTo(expected);
      assertThat(actual.mean().isPresent()).isEqualTo(expected.mean().isPresent());
      if (expected.mean().isPresent()) {
        assertThat(actual.mean().getAsDouble())
            .isCloseTo(expected.mean().getAsDouble(), within(1e-12));
        assertThat(actual.populationStandardDeviation().getAsDouble())
            .isCloseTo(expected.populationStandardDeviation().getAsDouble(), within(1e-12));
      }
    }
  }

  @Test
  void mergedCategoricalChunksGiveTheSequentialProfile() {
    Random random = new Random(11);
    for (int trial = 0; trial < 100; trial++) {
      int rows = random.nextInt(4_000);
      int categories = random.nextBoolean() ? 30 : 3_000;
      List<String> values = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        values.add(random.nextInt(15) == 0 ? null : "c" + random.nextInt(categories));
      }
      ColumnProfileBuilder sequential = ColumnProfileBuilder.categorical();
      values.forEach(sequential::addCategory);
      ColumnProfileBuilder merged = ColumnProfileBuilder.categorical();
      for (List<String> chunk : chunks(values, random)) {
        ColumnProfileBuilder part = ColumnProfileBuilder.categorical();
        chunk.forEach(part::addCategory);
        merged.merge(part);
      }

      CategoricalProfile expected = (CategoricalProfile) sequential.build();
      CategoricalProfile actual = (CategoricalProfile) merged.build();
      if (expected.overflowed()) {
        // Which categories are tracked depends on the order they came in; the totals do not.
        assertThat(actual.overflowed()).isTrue();
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.missing()).isEqualTo(expected.missing());
        assertThat(actual.counts()).hasSize(ColumnProfile.MAX_TRACKED_VALUES);
      } else {
        assertThat(actual).isEqualTo(expected);
      }
    }
  }

  /** Mostly finite values in [-2, 2], some of them NaN, infinite or missing ({@code null}). */
  private static Double randomValue(Random random, int spread) {
    return switch (random.nextInt(20)) {
      case 0 -> Double.NaN;
      case 1 -> Double.NEGATIVE_INFINITY;
      case 2 -> null;
      default -> (random.nextInt(spread) - spread / 2) / (spread / 4.0);
    };
  }

  private static void add(ColumnProfileBuilder builder, Double value) {
    if (value == null) {
      builder.addMissing();
    } else {
      builder.addNumber(value);
    }
  }

  /** The values cut at random places, empty chunks included. */
  private static <T> List<List<T>> chunks(List<T> values, Random random) {
    List<List<T>> chunks = new ArrayList<>();
    int from = 0;
    while (from < values.size() || chunks.isEmpty()) {
      int to = Math.min(values.size(), from + random.nextInt(values.size() / 3 + 2));
      chunks.add(values.subList(from, to));
      from = to;
    }
    return chunks;
  }
}
