package org.mlplatform.domain.monitoring.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class DataQualityAnalyzerTest {

  private static final double NONE = Double.NaN;

  private static ColumnProfile numbers(ColumnProfileBuilder builder, double... values) {
    for (double value : values) {
      builder.addNumber(value);
    }
    return builder.build();
  }

  private static ColumnProfile reference(double... values) {
    return numbers(ColumnProfileBuilder.numeric(), values);
  }

  private static ColumnProfile current(ColumnProfile reference, double... values) {
    return numbers(ColumnProfileBuilder.againstReference(reference), values);
  }

  private static ColumnProfile categories(String... values) {
    ColumnProfileBuilder builder = ColumnProfileBuilder.categorical();
    Arrays.stream(values).forEach(builder::addCategory);
    return builder.build();
  }

  private static double value(RowShare share) {
    assertThat(share.reason()).isEmpty();
    return share.value().orElseThrow();
  }

  private static void assertNotComputable(RowShare share, String reasonPart) {
    assertThat(share.value()).isEmpty();
    assertThat(share.reason())
        .hasValueSatisfying(reason -> assertThat(reason).contains(reasonPart));
  }

  /** Every share is either a number in [0, 1] or absent with a reason: never NaN. */
  private static void assertNoNaN(ColumnQualityResult result) {
    Stream.of(result.reference(), result.current())
        .flatMap(shares -> Stream.of(shares.missing(), shares.nan(), shares.infinite()))
        .forEach(DataQualityAnalyzerTest::assertWellFormed);
    result.outOfRange().ifPresent(DataQualityAnalyzerTest::assertWellFormed);
    result
        .newCategories()
        .map(NewCategories::share)
        .ifPresent(DataQualityAnalyzerTest::assertWellFormed);
  }

  private static void assertWellFormed(RowShare share) {
    assertThat(share.value().isPresent()).isNotEqualTo(share.reason().isPresent());
    share.value().ifPresent(value -> assertThat(value).isBetween(0.0, 1.0));
  }

  @Test
  void sharesOfHandCountedRows() {
    ColumnProfile reference = reference(0, 10, NONE, 5, 5);
    ColumnProfileBuilder builder = ColumnProfileBuilder.againstReference(reference);
    builder.addMissing().addMissing();
    // 8 rows: 2 missing, 1 NaN, 1 infinite, 4 finite of which -1 and 11 lie outside [0, 10].
    ColumnProfile current = numbers(builder, NONE, Double.POSITIVE_INFINITY, -1, 0, 10, 11);

    ColumnQualityResult result = DataQualityAnalyzer.compare("age", reference, current);

    assertThat(result.isComputed()).isTrue();
    assertThat(result.reason()).isEmpty();
    assertThat(result.currentRows()).isEqualTo(8);
    assertThat(value(result.reference().missing())).isZero();
    assertThat(value(result.reference().nan())).isCloseTo(0.2, within(1e-15));
    assertThat(value(result.reference().infinite())).isZero();
    assertThat(value(result.current().missing())).isEqualTo(0.25);
    assertThat(value(result.current().nan())).isEqualTo(0.125);
    assertThat(value(result.current().infinite())).isEqualTo(0.125);
    assertThat(value(result.outOfRange().orElseThrow())).isEqualTo(0.25);
    assertThat(result.newCategories()).isEmpty();
    assertNoNaN(result);
  }

  @Test
  void aConstantReferenceMakesEveryOtherValueOutOfRange() {
    ColumnProfile reference = reference(3, 3, 3);
    ColumnQualityResult result =
        DataQualityAnalyzer.compare("flag", reference, current(reference, 3, 3, 2.5, 4));

    assertThat(value(result.outOfRange().orElseThrow())).isEqualTo(0.5);
    assertNoNaN(result);
  }

  @Test
  void aConstantCurrentColumnIsNoError() {
    ColumnProfile reference = reference(1, 2, 3);
    ColumnQualityResult result =
        DataQualityAnalyzer.compare("x", reference, current(reference, 7, 7, 7));

    assertThat(value(result.outOfRange().orElseThrow())).isEqualTo(1.0);
    assertNoNaN(result);
  }

  @Test
  void noCurrentRowsIsNotComputable() {
    ColumnProfile reference = reference(1, 2);
    ColumnQualityResult result = DataQualityAnalyzer.compare("x", reference, current(reference));

    assertThat(result.status()).isEqualTo(QualityStatus.NOT_COMPUTABLE);
    assertThat(result.reason()).hasValue("no current rows");
    assertNotComputable(result.current().missing(), "no current rows");
    assertNotComputable(result.current().nan(), "no current rows");
    assertNotComputable(result.outOfRange().orElseThrow(), "no current rows");
    assertThat(value(result.reference().missing())).isZero();
    assertNoNaN(result);

    ColumnQualityResult categorical =
        DataQualityAnalyzer.compare("c", categories("a"), categories());
    assertThat(categorical.isComputed()).isFalse();
    assertNotComputable(categorical.newCategories().orElseThrow().share(), "no current rows");
    assertNoNaN(categorical);
  }

  @Test
  void aReferenceWithoutFiniteValuesHasNoRange() {
    ColumnProfile reference = reference(NONE, Double.NEGATIVE_INFINITY);
    ColumnQualityResult result =
        DataQualityAnalyzer.compare("x", reference, current(reference, 1, 2));

    assertThat(result.isComputed()).isTrue();
    assertNotComputable(result.outOfRange().orElseThrow(), "no finite values");
    assertThat(value(result.reference().infinite())).isEqualTo(0.5);
    assertNoNaN(result);

    ColumnQualityResult emptyReference =
        DataQualityAnalyzer.compare("x", reference(), reference(1));
    assertNotComputable(emptyReference.reference().missing(), "no reference rows");
    assertNotComputable(emptyReference.outOfRange().orElseThrow(), "no finite values");
    assertNoNaN(emptyReference);
  }

  @Test
  void outOfRangeNeedsACurrentProfileBuiltAgainstThisReference() {
    ColumnProfile reference = reference(0, 1);

    assertNotComputable(
        DataQualityAnalyzer.compare("x", reference, reference(5)).outOfRange().orElseThrow(),
        "not built against");
    assertNotComputable(
        DataQualityAnalyzer.compare("x", reference, current(reference(0, 2), 5))
            .outOfRange()
            .orElseThrow(),
        "not built against");
  }

  @Test
  void newCategoriesAreListedMostFrequentFirst() {
    ColumnProfile reference = categories("a", "b", null);
    ColumnProfile current = categories("a", "c", "d", "d", null, "b", "", "a");

    ColumnQualityResult result = DataQualityAnalyzer.compare("colour", reference, current);

    NewCategories fresh = result.newCategories().orElseThrow();
    assertThat(fresh.listed()).containsExactly("d", "", "c");
    assertThat(fresh.count()).isEqualTo(3);
    assertThat(fresh.rows()).isEqualTo(4);
    assertThat(value(fresh.share())).isEqualTo(0.5);
    assertThat(value(result.current().missing())).isEqualTo(0.125);
    assertThat(value(result.current().nan())).isZero();
    assertThat(value(result.reference().missing())).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(result.outOfRange()).isEmpty();
    assertNoNaN(result);
  }

  @Test
  void atMostTwentyNewCategoriesAreListed() {
    String[] values = new String[30];
    for (int i = 0; i < values.length; i++) {
      values[i] = String.format("n%02d", i);
    }
    NewCategories fresh =
        DataQualityAnalyzer.compare("c", categories("old"), categories(values))
            .newCategories()
            .orElseThrow();

    assertThat(fresh.listed()).hasSize(NewCategories.MAX_LISTED).startsWith("n00", "n01");
    assertThat(fresh.count()).isEqualTo(30);
    assertThat(value(fresh.share())).isEqualTo(1.0);
  }

  @Test
  void newCategoriesAreUnknownWhenTooManyOrNoneAreTracked() {
    String[] many = new String[ColumnProfile.MAX_TRACKED_VALUES + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = "c" + i;
    }
    assertNotComputable(newCategoriesShare(categories(many), categories("a")), "more than 1000");
    assertNotComputable(newCategoriesShare(categories("a"), categories(many)), "more than 1000");
    assertNotComputable(
        newCategoriesShare(categories(null, null), categories("a")), "no categories");
    assertNotComputable(newCategoriesShare(categories(), categories("a")), "no reference rows");
  }

  private static RowShare newCategoriesShare(ColumnProfile reference, ColumnProfile current) {
    ColumnQualityResult result = DataQualityAnalyzer.compare("c", reference, current);
    assertNoNaN(result);
    NewCategories fresh = result.newCategories().orElseThrow();
    assertThat(fresh.listed()).isEmpty();
    return fresh.share();
  }

  @Test
  void profilesOfDifferentKindsAreRejected() {
    assertThatThrownBy(() -> DataQualityAnalyzer.compare("x", reference(1), categories("a")))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("current"));
    assertThatThrownBy(() -> DataQualityAnalyzer.compare(" ", reference(1), reference(1)))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("column"));
  }

  @Test
  void aShareHasAValueInZeroToOneOrAReason() {
    assertThat(RowShare.of(1, 4, "unused").value()).hasValue(0.25);
    assertThat(RowShare.of(0, 0, "no rows").reason()).hasValue("no rows");
    assertThatThrownBy(() -> new RowShare(OptionalDouble.of(Double.NaN), Optional.empty()))
        .isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> new RowShare(OptionalDouble.of(0.5), Optional.of("why")))
        .isInstanceOf(DomainValidationException.class);
  }
}
