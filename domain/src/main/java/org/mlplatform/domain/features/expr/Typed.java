package org.mlplatform.domain.features.expr;

import java.time.DateTimeException;
import java.util.List;

/**
 * The checked tree that is evaluated: names are resolved to input slots and every operator or
 * function to the {@link Operation} fitting its argument types, so evaluation does no lookups.
 */
sealed interface Typed {

  ValueType type();

  /** The value of this node, given the canonical value of each input by slot. */
  Object evaluate(Object[] inputs);

  record Constant(Object value, ValueType type) implements Typed {
    @Override
    public Object evaluate(Object[] inputs) {
      return value;
    }
  }

  record Input(int slot, ValueType type) implements Typed {
    @Override
    public Object evaluate(Object[] inputs) {
      return inputs[slot];
    }
  }

  /**
   * An operator or function applied to its arguments. All arguments are evaluated (there are no
   * side effects to skip); a strict operation stops at the first null.
   */
  record Apply(Resolution resolution, List<Typed> arguments) implements Typed {

    public Apply {
      arguments = List.copyOf(arguments);
    }

    @Override
    public ValueType type() {
      return resolution.type();
    }

    @Override
    public Object evaluate(Object[] inputs) {
      Object[] values = new Object[arguments.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments.get(i).evaluate(inputs);
        if (values[i] == null && !resolution.nullAware()) {
          return null;
        }
      }
      try {
        return type().normalize(resolution.operation().apply(values));
      } catch (ArithmeticException | DateTimeException unrepresentable) {
        return null;
      }
    }
  }
}
