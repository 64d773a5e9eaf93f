package org.mlplatform.domain.features;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.expr.Expression;
import org.mlplatform.domain.features.expr.ExpressionException;

/**
 * The compiled derived features of one view version: checks their definitions (names, expression
 * syntax and types) and evaluates them for a row. The one evaluation both training sets and online
 * lookups use.
 *
 * <p>A result that does not fit the declared type (an INT64 result beyond an INT32 column, say)
 * becomes null, as the expression language does with overflow and division by zero.
 */
public final class DerivedFeatures {

  private final List<DerivedFeatureDefinition> definitions;
  private final List<Expression> expressions;
  private final Map<String, Integer> storedIndexes = new HashMap<>();
  private final Set<String> requestFields;

  private DerivedFeatures(
      List<DerivedFeatureDefinition> definitions,
      List<Expression> expressions,
      List<FeatureDefinition> stored,
      Set<String> requestFields) {
    this.definitions = definitions;
    this.expressions = expressions;
    for (int i = 0; i < stored.size(); i++) {
      storedIndexes.put(stored.get(i).name().value(), i);
    }
    this.requestFields = requestFields;
  }

  /**
   * Compiles derived features against a view's stored features and request fields, blaming the
   * input field at fault ({@code derivedFeatures[i].expression}, with the column in the message).
   *
   * @return the definitions with every type filled in, and their compiled expressions
   */
  static DerivedFeatures compile(
      List<FeatureDefinition> stored,
      List<FeatureDefinition> requestFields,
      List<DerivedFeatureDefinition> derived) {
    Map<String, FeatureType> inputs = new LinkedHashMap<>();
    stored.forEach(f -> inputs.put(f.name().value(), f.type()));
    requestFields.forEach(f -> inputs.put(f.name().value(), f.type()));
    List<DerivedFeatureDefinition> typed = new java.util.ArrayList<>();
    List<Expression> compiled = new java.util.ArrayList<>();
    for (int i = 0; i < derived.size(); i++) {
      DerivedFeatureDefinition d = derived.get(i);
      String field = "derivedFeatures[" + i + "]";
      Expression expression;
      try {
        expression = Expression.compile(d.expression(), inputs);
      } catch (ExpressionException e) {
        throw new DomainValidationException(field + ".expression", e.getMessage());
      }
      FeatureType type = d.type() == null ? expression.resultType() : d.type();
      if (!fits(expression.resultType(), type)) {
        throw new DomainValidationException(
            field + ".type",
            "the expression gives " + expression.resultType() + ", which is not a " + type);
      }
      typed.add(new DerivedFeatureDefinition(d.name(), d.expression(), type, d.description()));
      compiled.add(expression);
      inputs.put(d.name().value(), type);
    }
    return new DerivedFeatures(
        List.copyOf(typed),
        List.copyOf(compiled),
        stored,
        Set.copyOf(requestFields.stream().map(f -> f.name().value()).toList()));
  }

  /** Compiles a view's (already validated) derived features for evaluation. */
  public static DerivedFeatures of(FeatureViewDefinition view) {
    return compile(view.features(), view.requestFields(), view.derivedFeatures());
  }

  public List<DerivedFeatureDefinition> definitions() {
    return definitions;
  }

  public boolean isEmpty() {
    return definitions.isEmpty();
  }

  /** The request fields any derived feature reads. */
  public Set<String> requestFields() {
    return requestFields;
  }

  /**
   * Evaluates every derived feature of one row.
   *
   * @param stored the row's stored values in the view's feature order (nulls when it has none)
   * @param request the request data by field name (null when absent)
   * @return the derived values in definition order, in their canonical types
   */
  public Object[] evaluate(Object[] stored, Function<String, Object> request) {
    Object[] results = new Object[definitions.size()];
    Map<String, Object> earlier = new HashMap<>();
    Function<String, Object> inputs =
        name -> {
          Integer index = storedIndexes.get(name);
          if (index != null) {
            return stored == null ? null : stored[index];
          }
          if (earlier.containsKey(name)) {
            return earlier.get(name);
          }
          return request.apply(name);
        };
    for (int i = 0; i < results.length; i++) {
      results[i] = convert(expressions.get(i).evaluate(inputs), definitions.get(i).type());
      earlier.put(definitions.get(i).name().value(), results[i]);
    }
    return results;
  }

  private static Object convert(Object value, FeatureType type) {
    if (value == null) {
      return null;
    }
    try {
      return type.coerce(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean fits(FeatureType result, FeatureType declared) {
    if (result == declared) {
      return true;
    }
    return switch (result) {
      case INT32, INT64 -> declared.isNumeric();
      case FLOAT32, FLOAT64 -> declared == FeatureType.FLOAT32 || declared == FeatureType.FLOAT64;
      default -> false;
    };
  }
}
