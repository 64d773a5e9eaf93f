package org.mlplatform.domain.monitoring;

/**
 * How a column's values are compared, decided from the reference data as Evidently does: numbers
 * with more than five distinct values are {@link #NUMERICAL}; numbers with three to five distinct
 * values, and strings, are {@link #CATEGORICAL}; exactly two distinct values make {@link #BINARY}.
 */
public enum ColumnKind {
  NUMERICAL,
  CATEGORICAL,
  BINARY
}
