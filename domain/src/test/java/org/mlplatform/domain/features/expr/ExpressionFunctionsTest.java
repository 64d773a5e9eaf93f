package org.mlplatform.domain.features.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.domain.features.expr.ExpressionFixtures.ROW;
import static org.mlplatform.domain.features.expr.ExpressionFixtures.compile;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.features.FeatureType;

/**
 * Every built-in function: its value on the fixture row, its result type, and that the value has
 * the canonical Java class of that type (so training and serving see the same representation).
 */
class ExpressionFunctionsTest {

  private static final Map<FeatureType, Class<?>> CANONICAL =
      Map.of(
          FeatureType.INT64, Long.class,
          FeatureType.FLOAT64, Double.class,
          FeatureType.BOOL, Boolean.class,
          FeatureType.STRING, String.class,
          FeatureType.TIMESTAMP, Instant.class);

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "abs(-3)                     | 3          | INT64",
        "abs(-2.5)                   | 2.5        | FLOAT64",
        "abs(count - 10)             | 3          | INT64",
        "sqrt(16)                    | 4.0        | FLOAT64",
        "ln(exp(2))                  | 2.0        | FLOAT64",
        "log(1)                      | 0.0        | FLOAT64",
        "log10(1000)                 | 3.0        | FLOAT64",
        "exp(0)                      | 1.0        | FLOAT64",
        "pow(2, 10)                  | 1024.0     | FLOAT64",
        "pow(4, 0.5)                 | 2.0        | FLOAT64",
        "min(3, 1, 2)                | 1          | INT64",
        "min(3, 1.5)                 | 1.5        | FLOAT64",
        "max(3, 1.5)                 | 3.0        | FLOAT64",
        "max(count, small, -1)       | 7          | INT64",
        "max('a', 'b')               | b          | STRING",
        "min(ts, other_ts)           | 2026-03-14T22:15:30Z | TIMESTAMP",
        "round(2.5)                  | 3.0        | FLOAT64",
        "round(-2.5)                 | -3.0       | FLOAT64",
        "round(2.675, 2)             | 2.68       | FLOAT64",
        "round(1234.5678, -2)        | 1200.0     | FLOAT64",
        "round(0.1, 1000000)         | 0.1        | FLOAT64",
        "round(1250, -2)             | 1300       | INT64",
        "round(1250, -99999)         | 0          | INT64",
        "round(7)                    | 7          | INT64",
        "floor(-1.5)                 | -2.0       | FLOAT64",
        "floor(count)                | 7          | INT64",
        "ceil(1.2)                   | 2.0        | FLOAT64",
        "ceil(-1.2)                  | -1.0       | FLOAT64",
        "clamp(15, 0, 10)            | 10         | INT64",
        "clamp(-5, 0, 10)            | 0          | INT64",
        "clamp(count, 0, 10)         | 7          | INT64",
        "clamp(5, 0, 10.0)           | 5.0        | FLOAT64",
        "clamp(5, 10, 0)             | null       | INT64",
        "coalesce(missing, amount)   | 120.0      | FLOAT64",
        "coalesce(missing_int, missing_int, 0) | 0 | INT64",
        "coalesce(count, 0.5)        | 7.0        | FLOAT64",
        "coalesce(missing_text, name) | Alice     | STRING",
        "is_null(missing)            | true       | BOOL",
        "is_null(name)               | false      | BOOL",
        "if(flag, 1, 2)              | 1          | INT64",
        "if(flag, 1, 2.5)            | 1.0        | FLOAT64",
        "if(not flag, 'yes', 'no')   | no         | STRING",
        "lower(name)                 | alice      | STRING",
        "upper(name)                 | ALICE      | STRING",
        "upper('i')                  | I          | STRING",
        "length(name)                | 5          | INT64",
        "length('\\uD83D\\uDE00')    | 1          | INT64",
        "concat('a', 1, true, 2.5)   | a1true2.5  | STRING",
        "contains(name, 'lic')       | true       | BOOL",
        "contains(name, 'LIC')       | false      | BOOL",
        "starts_with(name, 'Al')     | true       | BOOL",
        "starts_with(name, 'al')     | false      | BOOL",
        "hour_of_day(ts)             | 22         | INT64",
        "day_of_week(ts)             | 6          | INT64",
        "day_of_week(other_ts)       | 1          | INT64",
        "day_of_month(ts)            | 14         | INT64",
        "month(ts)                   | 3          | INT64",
        "year(ts)                    | 2026       | INT64",
        "epoch_seconds(ts)           | 1773526530 | INT64",
        "seconds_between(ts, other_ts) | 129600   | INT64",
        "days_between(ts, other_ts)  | 1          | INT64",
        "days_between(other_ts, ts)  | -1         | INT64",
      })
  void builtInFunction(String source, String expected, FeatureType type) {
    Expression expression = compile(source);
    Object value = expression.evaluate(ROW::get);

    assertThat(expression.resultType()).isEqualTo(type);
    assertThat(String.valueOf(value)).isEqualTo(expected);
    if (value != null) {
      assertThat(value).isInstanceOf(CANONICAL.get(type));
    }
  }
}
