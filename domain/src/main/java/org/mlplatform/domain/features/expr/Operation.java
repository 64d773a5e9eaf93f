package org.mlplatform.domain.features.expr;

/**
 * What an operator or function computes once its argument types are known. It may throw {@link
 * ArithmeticException} or {@link java.time.DateTimeException} for results with no representation;
 * the caller turns those into null.
 */
@FunctionalInterface
interface Operation {
  Object apply(Object[] arguments);
}
