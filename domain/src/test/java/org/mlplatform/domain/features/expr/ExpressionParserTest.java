package org.mlplatform.domain.features.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.expr.Node.Binary;
import org.mlplatform.domain.features.expr.Node.Call;
import org.mlplatform.domain.features.expr.Node.Conditional;
import org.mlplatform.domain.features.expr.Node.InputName;
import org.mlplatform.domain.features.expr.Node.Literal;
import org.mlplatform.domain.features.expr.Node.Unary;

/** The shape of the syntax tree, with positions, for the precedence and associativity rules. */
class ExpressionParserTest {

  @Test
  void multiplicationBindsTighterThanAddition() {
    assertThat(Parser.parse("1 + 2 * 3"))
        .isEqualTo(
            new Binary(
                Operator.ADD,
                new Literal(1L, 0),
                new Binary(Operator.MULTIPLY, new Literal(2L, 4), new Literal(3L, 8), 6),
                2));
  }

  @Test
  void subtractionIsLeftAssociative() {
    assertThat(Parser.parse("a-b-c"))
        .isEqualTo(
            new Binary(
                Operator.SUBTRACT,
                new Binary(Operator.SUBTRACT, new InputName("a", 0), new InputName("b", 2), 1),
                new InputName("c", 4),
                3));
  }

  @Test
  void conditionalIsRightAssociativeAndBindsLoosest() {
    assertThat(Parser.parse("a or b ? 1 : c ? 2 : 3"))
        .isEqualTo(
            new Conditional(
                new Binary(Operator.OR, new InputName("a", 0), new InputName("b", 5), 2),
                new Literal(1L, 9),
                new Conditional(
                    new InputName("c", 13), new Literal(2L, 17), new Literal(3L, 21), 15),
                7));
  }

  @Test
  void unaryOperatorsBindTightestAndMinusFoldsIntoNumbers() {
    assertThat(Parser.parse("not a and -b == -1.5"))
        .isEqualTo(
            new Binary(
                Operator.AND,
                new Unary(Operator.NOT, new InputName("a", 4), 0),
                new Binary(
                    Operator.EQUAL,
                    new Unary(Operator.NEGATE, new InputName("b", 11), 10),
                    new Literal(-1.5, 16),
                    13),
                6));
  }

  @Test
  void callsKeepTheirArgumentsAndKeywordsIgnoreCase() {
    assertThat(Parser.parse("Max(x, TRUE, Null, 'a')"))
        .isEqualTo(
            new Call(
                "Max",
                List.of(
                    new InputName("x", 4),
                    new Literal(true, 7),
                    new Literal(null, 13),
                    new Literal("a", 19)),
                0));
  }
}
