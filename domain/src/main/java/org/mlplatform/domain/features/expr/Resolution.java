package org.mlplatform.domain.features.expr;

/**
 * The outcome of type-checking an operator or function call: its result type and the operation to
 * run. A strict operation never sees a null argument (a null makes the result null without calling
 * it); a null-aware one receives nulls and decides itself.
 */
record Resolution(ValueType type, Operation operation, boolean nullAware) {

  static Resolution strict(ValueType type, Operation operation) {
    return new Resolution(type, operation, false);
  }

  static Resolution nullAware(ValueType type, Operation operation) {
    return new Resolution(type, operation, true);
  }
}
