package org.mlplatform.domain.features.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.features.expr.ExpressionFixtures.compile;
import static org.mlplatform.domain.features.expr.ExpressionFixtures.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;

/** Evaluation semantics: precedence, typing of results, nulls and unrepresentable results. */
class ExpressionTest {

  @Test
  void ratioOfTwoFloatInputs() {
    Expression expression =
        Expression.compile(
            "amount / avg_amount_30d",
            Map.of("amount", FeatureType.FLOAT64, "avg_amount_30d", FeatureType.FLOAT64));

    assertThat(expression.resultType()).isEqualTo(FeatureType.FLOAT64);
    assertThat(expression.inputs()).containsExactly("amount", "avg_amount_30d");
    assertThat(expression.evaluate(Map.of("amount", 120.0, "avg_amount_30d", 40.0)::get))
        .isEqualTo(3.0);
    assertThat(expression.evaluate(Map.of("amount", 120.0, "avg_amount_30d", 0.0)::get)).isNull();
    assertThat(expression.evaluate(name -> null)).isNull();
  }

  @Test
  void hourOfDayOfATimestampInput() {
    Expression expression =
        Expression.compile("hour_of_day(ts)", Map.of("ts", FeatureType.TIMESTAMP));

    assertThat(expression.resultType()).isEqualTo(FeatureType.INT64);
    assertThat(expression.evaluate(name -> Instant.parse("2026-03-14T22:15:30Z"))).isEqualTo(22L);
    assertThat(expression.evaluate(name -> Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo(23L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '`',
      value = {
        "1 + 2 * 3                => 7",
        "(1 + 2) * 3              => 9",
        "10 - 4 - 3               => 3",
        "2 * 3 % 4                => 2",
        "2 * 3 + 4 * 5            => 26",
        "-2 * -3                  => 6",
        "- count * 2              => -14",
        "-2 + 3                   => 1",
        "2 - -3                   => 5",
        "7 % 3                    => 1",
        "-7 % 3                   => -1",
        "7 / 2                    => 3.5",
        "1 + 2 < 4 == true        => true",
        "true or false and false  => true",
        "true || false && false   => true",
        "not false and false      => false",
        "! flag || true           => true",
        "TRUE AND NOT False       => true",
        "false ? 1 : true ? 2 : 3 => 2",
        "false ? 1 : 2 + 10       => 12",
        "1 < 2 ? 'a' : 'b'        => a",
        "'n=' + 1 + 2             => n=12",
        "1 + 2 + 'x'              => 3x",
        "'at ' + ts               => at 2026-03-14T22:15:30Z",
        "ABS(-1)                  => 1",
      })
  void operatorsBindAsUsual(String source, String expected) {
    assertThat(String.valueOf(eval(source))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "name == 'Alice'     | true",
        "name != \"Alice\"   | false",
        "'a' < 'b'           | true",
        "ts < other_ts       | true",
        "ts >= other_ts      | false",
        "1 == 1.0            | true",
        "0.0 == -0.0         | true",
        "count > 6.5         | true",
        "count <= small      | false",
        "flag == true        | true",
        "ratio == 0.5        | true",
      })
  void comparisons(String source, boolean expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'it\\'s'          | it's",
        "\"say \\\"hi\\\"\" | say \"hi\"",
        "'a\\tb'           | a\tb",
        "'\\u0041\\\\'     | A\\",
        "\"it's\"          | it's",
      })
  void stringLiteralsWithEscapes(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @Test
  void integerInputsComputeAsLongAndFloatInputsAsDouble() {
    assertThat(compile("small + 1").resultType()).isEqualTo(FeatureType.INT64);
    assertThat(eval("small + 1")).isEqualTo(4L);
    assertThat(compile("ratio * 2").resultType()).isEqualTo(FeatureType.FLOAT64);
    assertThat(eval("ratio * 2")).isEqualTo(1.0);
    assertThat(compile("count / 1").resultType()).isEqualTo(FeatureType.FLOAT64);
    assertThat(eval("count * 2 + 1")).isEqualTo(15L);
    assertThat(eval("count + 0.5")).isEqualTo(7.5);
  }

  @Test
  void resultTypesAreInferred() {
    assertThat(compile("count").resultType()).isEqualTo(FeatureType.INT64);
    assertThat(compile("flag and count > 1").resultType()).isEqualTo(FeatureType.BOOL);
    assertThat(compile("name + count").resultType()).isEqualTo(FeatureType.STRING);
    assertThat(compile("max(ts, other_ts)").resultType()).isEqualTo(FeatureType.TIMESTAMP);
    assertThat(compile("if(flag, 1, 2.5)").resultType()).isEqualTo(FeatureType.FLOAT64);
    assertThat(compile("coalesce(null, 1)").resultType()).isEqualTo(FeatureType.INT64);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "missing + 1",
        "-missing",
        "not missing_flag",
        "abs(missing)",
        "lower(missing_text)",
        "'x' + missing_text",
        "concat('x', missing_text)",
        "hour_of_day(missing_ts)",
        "missing < 1",
        "missing_text == 'a'",
        "min(1, missing_int)",
        "round(amount, missing_int)",
        "if(missing_flag, 1, 2)",
        "missing_flag ? 1 : 2",
        "null + 1",
      })
  void nullsPropagate(String source) {
    assertThat(eval(source)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "missing_flag and false | false",
        "false and missing_flag | false",
        "missing_flag and true  | null",
        "missing_flag or true   | true",
        "true or missing_flag   | true",
        "missing_flag or false  | null",
        "is_null(missing)       | true",
        "is_null(amount)        | false",
        "coalesce(missing, 1.5) | 1.5",
        "if(flag, 1, missing_int) | 1",
        "flag ? 'x' : missing_text | x",
      })
  void logicAndNullTestsSeeThroughNulls(String source, String expected) {
    assertThat(String.valueOf(eval(source))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "amount / 0",
        "amount / (count - 7)",
        "0 / 0.0",
        "-1 / 0.0",
        "count % 0",
        "1.5 % 0",
        "amount % 0.0",
      })
  void divisionByZeroIsNull(String source) {
    assertThat(eval(source)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9223372036854775807 + 1",
        "-9223372036854775808 - 1",
        "9223372036854775807 * 2",
        "-(-9223372036854775807 - 1)",
        "abs(-9223372036854775807 - 1)",
        "round(9223372036854775807, -1)",
        "1e308 * 10",
        "pow(10, 400)",
        "exp(1000)",
        "sqrt(-1)",
        "ln(0)",
      })
  void overflowAndNonFiniteResultsAreNull(String source) {
    assertThat(eval(source)).isNull();
  }

  @Test
  void extremesThatStillFitAreExact() {
    assertThat(eval("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(eval("9223372036854775806 + 1")).isEqualTo(Long.MAX_VALUE);
    assertThat(eval("-9223372036854775808 % -1")).isEqualTo(0L);
  }

  @Test
  void nonFiniteInputsReadAsNull() {
    Expression expression = compile("amount + 1");

    assertThat(expression.evaluate(name -> Double.NaN)).isNull();
    assertThat(expression.evaluate(name -> Double.POSITIVE_INFINITY)).isNull();
    assertThat(compile("ratio").evaluate(name -> Float.NaN)).isNull();
  }

  @Test
  void datesOutsideTheCalendarAreNull() {
    Expression year = compile("year(ts)");

    assertThat(year.evaluate(name -> Instant.MAX)).isNull();
    assertThat(year.evaluate(name -> Instant.EPOCH)).isEqualTo(1970L);
    assertThat(compile("hour_of_day(ts)").evaluate(name -> Instant.MAX)).isEqualTo(23L);
  }

  @Test
  void inputsAreThoseReferencedInOrderAndEachIsLookedUpOnce() {
    Expression expression = compile("amount + amount * count / amount");
    List<String> lookups = new ArrayList<>();

    Object result =
        expression.evaluate(
            name -> {
              lookups.add(name);
              return ExpressionFixtures.ROW.get(name);
            });

    assertThat(expression.inputs()).containsExactly("amount", "count");
    assertThat(lookups).containsExactly("amount", "count");
    assertThat(result).isEqualTo(127.0);
  }

  @Test
  void inputValuesInOtherRepresentationsAreCoercedWithoutLoss() {
    Expression expression = compile("amount + count");

    assertThat(expression.evaluate(Map.<String, Object>of("amount", "1.5", "count", 2)::get))
        .isEqualTo(3.5);
    assertThatThrownBy(
            () -> expression.evaluate(Map.<String, Object>of("amount", "abc", "count", 2)::get))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("input 'amount'")
        .hasMessageContaining("expected FLOAT64")
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo("amount");
  }

  @Test
  void describesItselfByItsSourceAndComparesBySourceAndInputTypes() {
    Expression expression = compile("amount * 2");

    assertThat(expression).hasToString("amount * 2");
    assertThat(expression.source()).isEqualTo("amount * 2");
    assertThat(expression)
        .isEqualTo(compile("amount * 2"))
        .hasSameHashCodeAs(compile("amount * 2"));
    assertThat(expression)
        .isNotEqualTo(Expression.compile("amount * 2", Map.of("amount", FeatureType.INT64)));
    assertThat(expression).isNotEqualTo(compile("amount*2"));
  }
}
