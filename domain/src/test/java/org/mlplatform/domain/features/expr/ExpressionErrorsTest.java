package org.mlplatform.domain.features.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.features.expr.ExpressionFixtures.compile;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;

/** Compile errors: each names the problem and points at the right column. */
class ExpressionErrorsTest {

  private static ExpressionException failure(String source) {
    return failure(source, ExpressionFixtures.INPUTS);
  }

  private static ExpressionException failure(String source, Map<String, FeatureType> inputs) {
    try {
      Expression.compile(source, inputs);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("expected '" + source + "' not to compile");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // types
        "hour_of_day(amount)  | 13 | function hour_of_day expects argument 1 to be TIMESTAMP, got FLOAT64",
        "amount + 'x' - 1     | 1  | operator '-' expects the left operand to be a number, got STRING",
        "count + true         | 9  | operator '+' expects the right operand to be a number or a STRING, got BOOL",
        "name < 1             | 6  | operator '<' cannot compare STRING with INT64",
        "flag < true          | 6  | operator '<' cannot order BOOL values",
        "1 < count < 3        | 11 | operator '<' cannot compare BOOL with INT64",
        "if(flag, 1, 'a')     | 13 | function if expects argument 3 to be compatible with INT64, got STRING",
        "flag ? 1 : 'a'       | 12 | operator '?:' expects the second branch to be compatible with INT64, got STRING",
        "if(amount, 1, 2)     | 4  | function if expects argument 1 to be BOOL, got FLOAT64",
        "not count            | 5  | operator 'not' expects its operand to be BOOL, got INT64",
        "-name                | 2  | operator '-' expects its operand to be a number, got STRING",
        "amount and flag      | 1  | operator 'and' expects the left operand to be BOOL, got FLOAT64",
        "round(amount, 1.5)   | 15 | function round expects argument 2 to be INT64, got FLOAT64",
        "lower(count)         | 7  | function lower expects argument 1 to be STRING, got INT64",
        "min(flag, true)      | 1  | function min cannot order BOOL values",
        "coalesce(name, 1)    | 16 | function coalesce expects argument 2 to be compatible with STRING, got INT64",
        "amount == null       | 8  | use is_null(x)",
        "null                 | 1  | expression is always null",
        "if(flag, null, null) | 1  | expression is always null",
        // arity
        "pow(2)               | 1  | function pow takes 2 arguments, got 1",
        "round(1, 2, 3)       | 1  | function round takes 1 or 2 arguments, got 3",
        "2 * min(1)           | 5  | function min takes at least 2 arguments, got 1",
        "is_null()            | 1  | function is_null takes 1 argument, got 0",
        // names
        "amount + amout       | 10 | unknown input 'amout'; known inputs: amount, avg_amount_30d, count, flag",
        "Amount               | 1  | unknown input 'Amount'",
        "abs + 1              | 1  | unknown input 'abs' (abs is a function: call it with ())",
        "1 + foo(2)           | 5  | unknown function 'foo'; known functions: abs, ceil, clamp, coalesce",
        "now()                | 1  | now() is not offered",
        // syntax
        "(1 + 2               | 7  | expected ')' to close '(' at column 1, found end of input",
        "((1 + 2) * 3         | 13 | expected ')' to close '(' at column 1, found end of input",
        "1 + 2)               | 6  | unexpected ')' without a matching '('",
        "abs(1                | 6  | expected ',' or ')' to close abs(, found end of input",
        "abs(1 2)             | 7  | expected ',' or ')' to close abs(, found '2'",
        "name == 'abc         | 9  | unterminated string",
        "name == \"abc'       | 9  | unterminated string",
        "'a\\qb'              | 3  | unknown escape '\\q'",
        "'\\u12'              | 2  | \\u must be followed by 4 hex digits",
        "1 + 2 3              | 7  | unexpected '3' after the end of the expression",
        "amount amount        | 8  | unexpected 'amount' after the end of the expression",
        "1 +                  | 4  | expected an expression, found end of input",
        "* 2                  | 1  | expected an expression, found '*'",
        "f(1,)                | 5  | expected an expression, found ')'",
        "flag ? 1             | 9  | expected ':' to complete '?' at column 6, found end of input",
        "count = 1            | 7  | unexpected '='; use '==' to compare",
        "flag & flag          | 6  | unexpected '&'; use '&&' or 'and'",
        "1 # 2                | 3  | unexpected character '#'",
        "1 \u00a0 2           | 3  | unexpected character U+00A0",
        "12abc                | 3  | a number cannot be followed by a letter",
        "1. + 2               | 3  | expected a digit after the decimal point",
        "1e+                  | 4  | expected a digit in the exponent",
        "99999999999999999999 | 1  | integer 99999999999999999999 is out of range",
        "1 + 1e999            | 5  | number 1e999 is out of range",
      })
  void pointsAtTheProblem(String source, int column, String message) {
    ExpressionException error = failure(source);

    assertThat(error.position()).isEqualTo(column - 1);
    assertThat(error).hasMessageStartingWith("at column " + column + ": ");
    assertThat(error.getMessage()).contains(message);
  }

  @Test
  void emptySourceIsRejected() {
    assertThat(failure("")).hasMessage("at column 1: expression is empty");
    assertThat(failure("   ")).hasMessage("at column 1: expression is empty");
    assertThat(failure(null)).hasMessage("at column 1: expression is empty");
  }

  @Test
  void unknownInputWithNothingDeclared() {
    assertThat(failure("x", Map.of()))
        .hasMessage("at column 1: unknown input 'x'; no inputs are declared");
  }

  @Test
  void longListsOfKnownInputsAreCut() {
    Map<String, FeatureType> inputs = new java.util.HashMap<>();
    for (int i = 0; i < 30; i++) {
      inputs.put("f" + (char) ('a' + i / 10) + (i % 10), FeatureType.INT64);
    }

    assertThat(failure("zz", inputs).getMessage()).endsWith("fb9 and 10 more");
  }

  @Test
  void unknownFunctionListsEveryFunction() {
    assertThat(failure("foo()").getMessage())
        .endsWith(
            "known functions: abs, ceil, clamp, coalesce, concat, contains, day_of_month,"
                + " day_of_week, days_between, epoch_seconds, exp, floor, hour_of_day, if, is_null,"
                + " length, ln, log, log10, lower, max, min, month, pow, round, seconds_between,"
                + " sqrt, starts_with, upper, year");
  }

  @Test
  void sourceLengthIsLimited() {
    String longest = " ".repeat(Expression.MAX_SOURCE_LENGTH - 1) + "1";
    assertThat(compile(longest).evaluate(name -> null)).isEqualTo(1L);

    ExpressionException error = failure(longest + " ");
    assertThat(error.position()).isEqualTo(2000);
    assertThat(error)
        .hasMessage("at column 2001: expression is too long: 2001 characters, at most 2000");
  }

  @Test
  void nestingDepthIsLimited() {
    String deepest = "(".repeat(64) + "1" + ")".repeat(64);
    assertThat(compile(deepest).evaluate(name -> null)).isEqualTo(1L);

    ExpressionException parens = failure("(" + deepest + ")");
    assertThat(parens.position()).isEqualTo(64);
    assertThat(parens).hasMessageContaining("nested too deeply: at most 64 levels");

    assertThat(failure("abs(".repeat(65) + "1" + ")".repeat(65)))
        .hasMessageContaining("nested too deeply");
    assertThat(failure("-".repeat(65) + "count")).hasMessageContaining("nested too deeply");
    assertThat(failure("(".repeat(1500))).hasMessageContaining("nested too deeply");
  }

  @Test
  void sizeIsLimited() {
    String largest = "1+".repeat(249) + "1"; // 250 literals and 249 additions
    assertThat(compile(largest).evaluate(name -> null)).isEqualTo(250L);

    ExpressionException error = failure("1+".repeat(250) + "1");
    assertThat(error).hasMessageContaining("too large: at most 500 values, operators and calls");
    assertThat(error.position()).isEqualTo(500);
  }

  @Test
  void isAValidationErrorThatCanBlameTheCallersField() {
    ExpressionException error = failure("1 +");

    assertThat(error).isInstanceOf(DomainValidationException.class);
    assertThat(error.field()).isEqualTo("expression");
    assertThat(error.problem()).isEqualTo("expected an expression, found end of input");

    ExpressionException moved = error.inField("features[2].expression");
    assertThat(moved.field()).isEqualTo("features[2].expression");
    assertThat(moved.position()).isEqualTo(3);
    assertThat(moved).hasMessage(error.getMessage());
  }

  @Test
  void noClassOrMethodIsReachable() {
    assertThat(failure("getClass()")).hasMessageContaining("unknown function 'getClass'");
    assertThat(failure("name.length()")).hasMessageContaining("unexpected character '.'");
    assertThatThrownBy(() -> compile("java.lang.System.exit(0)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("at column 5: unexpected character '.'");
  }
}
