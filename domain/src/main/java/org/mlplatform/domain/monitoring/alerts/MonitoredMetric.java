package org.mlplatform.domain.monitoring.alerts;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;

/**
 * What an {@link AlertRule} watches. Drift and data-quality metrics are measured per feature
 * (column), so their rules name one; the others are measured for the model as a whole. The key is
 * the metric's name in REST requests and JSON.
 */
public enum MonitoredMetric {
  /** The share of the model's features that drifted, 0 to 1. */
  DATASET_DRIFT_SHARE("dataset_drift_share", false),
  /** The drift statistic of one feature, by the method its kind and reference size select. */
  DRIFT_SCORE("drift_score", true),
  /** The population stability index of one feature. */
  PSI("psi", true),
  /** The share of one feature's current values that are missing, 0 to 1. */
  MISSING_SHARE("missing_share", true),
  /** The share of one numeric feature's current values outside its reference range, 0 to 1. */
  OUT_OF_RANGE_SHARE("out_of_range_share", true),
  /** The share of one categorical feature's current values unseen in its reference, 0 to 1. */
  NEW_CATEGORY_SHARE("new_category_share", true),
  /** How many predictions the model served in the monitoring window. */
  VOLUME("volume", false),
  /** The mean time the model took to answer, in milliseconds. */
  MEAN_LATENCY_MS("mean_latency_ms", false),
  ACCURACY("accuracy", false),
  PRECISION("precision", false),
  RECALL("recall", false),
  F1("f1", false),
  AUC("auc", false),
  LOG_LOSS("log_loss", false),
  RMSE("rmse", false),
  MAE("mae", false),
  R2("r2", false);

  private final String key;
  private final boolean needsFeature;

  MonitoredMetric(String key, boolean needsFeature) {
    this.key = key;
    this.needsFeature = needsFeature;
  }

  /** The metric's name in REST and JSON, for example {@code drift_score}. */
  public String key() {
    return key;
  }

  /** Whether a rule on this metric watches one feature, and so must name it. */
  public boolean needsFeature() {
    return needsFeature;
  }

  /**
   * The metric with this key.
   *
   * @throws DomainValidationException naming {@code metric}, listing the valid keys
   */
  public static MonitoredMetric fromKey(String key) {
    for (MonitoredMetric metric : values()) {
      if (metric.key.equals(key)) {
        return metric;
      }
    }
    throw new DomainValidationException(
        "metric", AlertTexts.quoted(key) + " is not a monitored metric; use one of " + keys());
  }

  /** Every key, comma separated, in declaration order. */
  static String keys() {
    return Arrays.stream(values()).map(MonitoredMetric::key).collect(Collectors.joining(", "));
  }
}
