package org.mlplatform.domain.features.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.expr.Node.Binary;
import org.mlplatform.domain.features.expr.Node.Call;
import org.mlplatform.domain.features.expr.Node.Conditional;
import org.mlplatform.domain.features.expr.Node.InputName;
import org.mlplatform.domain.features.expr.Node.Literal;
import org.mlplatform.domain.features.expr.Node.Unary;

/**
 * Resolves names and types, turning the syntax tree into the {@link Typed} tree that runs. Doing
 * this once at compile time is what lets a feature definition be rejected when it is registered
 * rather than failing row by row when the model is served.
 */
final class TypeChecker {

  private static final int INPUTS_LISTED = 20;

  private final Map<String, FeatureType> declared;
  private final Map<String, Integer> slots = new LinkedHashMap<>();

  TypeChecker(Map<String, FeatureType> declared) {
    this.declared = declared;
  }

  /** The inputs referenced so far, in order of first reference; index = slot. */
  List<String> referencedInputs() {
    return List.copyOf(slots.keySet());
  }

  Typed check(Node node) {
    return switch (node) {
      case Literal literal ->
          new Typed.Constant(literal.value(), ValueType.ofLiteral(literal.value()));
      case InputName name -> input(name);
      case Unary unary -> unary(unary);
      case Binary binary -> binary(binary);
      case Conditional conditional -> conditional(conditional);
      case Call call -> call(call);
    };
  }

  private Typed input(InputName name) {
    FeatureType type = declared.get(name.name());
    if (type == null) {
      throw new ExpressionException(name.position(), unknownInput(name.name()));
    }
    int slot = slots.computeIfAbsent(name.name(), unused -> slots.size());
    return new Typed.Input(slot, ValueType.of(type));
  }

  private String unknownInput(String name) {
    String hint =
        Functions.find(name).isPresent() ? " (" + name + " is a function: call it with ())" : "";
    if (declared.isEmpty()) {
      return "unknown input '" + name + "'" + hint + "; no inputs are declared";
    }
    List<String> known = List.copyOf(new TreeSet<>(declared.keySet()));
    String listed = String.join(", ", known.subList(0, Math.min(known.size(), INPUTS_LISTED)));
    String more =
        known.size() > INPUTS_LISTED ? " and " + (known.size() - INPUTS_LISTED) + " more" : "";
    return "unknown input '" + name + "'" + hint + "; known inputs: " + listed + more;
  }

  private Typed unary(Unary unary) {
    Typed operand = check(unary.operand());
    Arguments arguments =
        Arguments.ofOperator(
            unary.operator().symbol(),
            unary.position(),
            List.of("its operand"),
            List.of(unary.operand()),
            List.of(operand.type()));
    return new Typed.Apply(Operators.unary(unary.operator(), arguments), List.of(operand));
  }

  private Typed binary(Binary binary) {
    Typed left = check(binary.left());
    Typed right = check(binary.right());
    Operator operator = binary.operator();
    if ((operator == Operator.EQUAL || operator == Operator.NOT_EQUAL)
        && (isNullLiteral(binary.left()) || isNullLiteral(binary.right()))) {
      throw new ExpressionException(
          binary.operatorPosition(),
          "comparing with null with '" + operator.symbol() + "' is always null; use is_null(x)");
    }
    Arguments arguments =
        Arguments.ofOperator(
            operator.symbol(),
            binary.operatorPosition(),
            List.of("the left operand", "the right operand"),
            List.of(binary.left(), binary.right()),
            List.of(left.type(), right.type()));
    return new Typed.Apply(Operators.binary(operator, arguments), List.of(left, right));
  }

  private static boolean isNullLiteral(Node node) {
    return node instanceof Literal literal && literal.value() == null;
  }

  private Typed conditional(Conditional conditional) {
    List<Node> nodes =
        List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse());
    List<Typed> typed = nodes.stream().map(this::check).toList();
    Arguments arguments =
        Arguments.ofOperator(
            "?:",
            conditional.questionPosition(),
            List.of("the condition", "the first branch", "the second branch"),
            nodes,
            typed.stream().map(Typed::type).toList());
    return new Typed.Apply(ConditionalFunctions.choice(arguments), typed);
  }

  private Typed call(Call call) {
    FunctionDefinition function =
        Functions.find(call.function())
            .orElseThrow(() -> new ExpressionException(call.position(), unknownFunction(call)));
    int count = call.arguments().size();
    if (!function.accepts(count)) {
      throw new ExpressionException(
          call.position(),
          "function " + function.name() + " " + function.describeArity() + ", got " + count);
    }
    List<Typed> typed = call.arguments().stream().map(this::check).toList();
    Arguments arguments =
        Arguments.ofFunction(
            function.name(),
            call.position(),
            call.arguments(),
            typed.stream().map(Typed::type).toList());
    return new Typed.Apply(function.typing().apply(arguments), typed);
  }

  private static String unknownFunction(Call call) {
    return Functions.refusal(call.function())
        .orElse(
            "unknown function '" + call.function() + "'; known functions: " + Functions.names());
  }
}
