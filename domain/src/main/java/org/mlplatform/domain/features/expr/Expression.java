package org.mlplatform.domain.features.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.mlplatform.domain.features.FeatureType;

/**
 * A compiled, type-checked on-demand feature expression; immutable and safe to share between
 * threads. Compilation fails early, with the position of the problem, so that a bad definition is
 * refused when it is registered instead of producing nulls or errors in production.
 *
 * <p>Evaluation never fails on data: nulls propagate (any null operand gives null, except in {@code
 * coalesce}, {@code is_null}, {@code if}/{@code ?:} and the three-valued {@code and}/{@code or}),
 * and division or modulo by zero, integer overflow, NaN and infinite results give null. See the
 * package documentation for the language.
 */
public final class Expression {

  /** Longest accepted source, in characters. */
  public static final int MAX_SOURCE_LENGTH = 2_000;

  /** Deepest accepted nesting of parentheses, calls and operators. */
  public static final int MAX_DEPTH = 64;

  /** Most values, operators and calls an expression may contain. */
  public static final int MAX_NODES = 500;

  private final String source;
  private final Typed root;
  private final FeatureType resultType;
  private final Map<String, FeatureType> inputTypes;

  private Expression(
      String source, Typed root, FeatureType resultType, Map<String, FeatureType> inputTypes) {
    this.source = source;
    this.root = root;
    this.resultType = resultType;
    this.inputTypes = inputTypes;
  }

  /**
   * Parses and type-checks; inputs are the names usable in the expression with their types.
   *
   * @throws ExpressionException when the source is not a valid, well-typed expression
   */
  public static Expression compile(String source, Map<String, FeatureType> inputs)
      throws ExpressionException {
    Objects.requireNonNull(inputs, "inputs");
    if (source == null || source.isBlank()) {
      throw new ExpressionException(0, "expression is empty");
    }
    Node tree = Parser.parse(source);
    TypeChecker checker = new TypeChecker(inputs);
    Typed root = checker.check(tree);
    FeatureType resultType =
        root.type()
            .featureType()
            .orElseThrow(
                () ->
                    new ExpressionException(
                        tree.position(), "expression is always null, so it has no type"));
    Map<String, FeatureType> inputTypes = new LinkedHashMap<>();
    for (String name : checker.referencedInputs()) {
      inputTypes.put(name, Objects.requireNonNull(inputs.get(name), name));
    }
    return new Expression(source, root, resultType, Collections.unmodifiableMap(inputTypes));
  }

  public String source() {
    return source;
  }

  /**
   * INT64 for integer arithmetic, FLOAT64 as soon as a float or a division is involved, or BOOL,
   * STRING, TIMESTAMP.
   */
  public FeatureType resultType() {
    return resultType;
  }

  /** The input names actually referenced, in order of first appearance. */
  public Set<String> inputs() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(inputTypes.keySet()));
  }

  /**
   * Evaluates with values looked up by input name (canonical Java types, may be null). Each
   * referenced input is looked up exactly once. The result is a {@code Long}, {@code Double},
   * {@code Boolean}, {@code String}, {@code Instant} or null, matching {@link #resultType()}.
   *
   * @throws org.mlplatform.domain.DomainValidationException naming the input when a value does not
   *     fit the input's declared type
   */
  public Object evaluate(Function<String, Object> values) {
    Objects.requireNonNull(values, "values");
    Object[] slots = new Object[inputTypes.size()];
    int slot = 0;
    for (Map.Entry<String, FeatureType> input : inputTypes.entrySet()) {
      String name = input.getKey();
      slots[slot++] = InputValues.canonical(name, input.getValue(), values.apply(name));
    }
    return root.evaluate(slots);
  }

  /** Same source reading the same inputs with the same types: the same computation. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Expression that
        && source.equals(that.source)
        && inputTypes.equals(that.inputTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, inputTypes);
  }

  /** The source text. */
  @Override
  public String toString() {
    return source;
  }
}
