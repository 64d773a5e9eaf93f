package org.mlplatform.serving.engine;

import java.util.Locale;

/** Which part of a deployment answered: the served alias, the canary, or the silent shadow. */
public enum Route {
  PRIMARY,
  CANARY,
  SHADOW;

  /** The lower-case name used in logs, metrics and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
