package org.mlplatform.domain.monitoring.window;

/** What a version's prediction is, which decides how its drift is tested. */
public enum PredictionKind {
  /** A class label: compared as categories. */
  LABEL,
  /** A number: compared as a numerical column. */
  VALUE
}
