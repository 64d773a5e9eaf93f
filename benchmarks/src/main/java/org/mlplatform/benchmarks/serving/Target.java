package org.mlplatform.benchmarks.serving;

/** What the serving benchmark measures, in the order it measures and reports them. */
enum Target {
  BARE("bare", "bare session.run"),
  JDK_HTTPSERVER("jdk", "jdk-httpserver"),
  PLATFORM_V2("v2", "platform v2"),
  PLATFORM_PORT("port", "platform inference port"),
  PLATFORM_PREDICT("predict", "platform predict-by-key"),
  PLATFORM_PREDICT_PORT("predict-port", "predict-by-key on port");

  private final String id;
  private final String label;

  Target(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name used in {@code targets=...} and in thread names. */
  String id() {
    return id;
  }

  /** The row name in the report. */
  String label() {
    return label;
  }

  boolean needsPlatform() {
    return this != BARE && this != JDK_HTTPSERVER;
  }

  /** Whether it predicts by entity key, which needs features in the online store. */
  boolean byKey() {
    return this == PLATFORM_PREDICT || this == PLATFORM_PREDICT_PORT;
  }

  static Target of(String id) {
    for (Target target : values()) {
      if (target.id.equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException(
        "no target " + id + "; the targets are bare, jdk, v2, port, predict, predict-port");
  }
}
