package org.mlplatform.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.SampleCounts;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.MissingValueShares;
import org.mlplatform.domain.monitoring.quality.RowShare;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.monitoring.PerformanceReport;

/**
 * Monitoring's answers as JSON maps. Numbers that could not be computed are null and come with a
 * {@code reason}; names are those of Evidently where it has one ({@code drift_score} as {@code
 * score}, {@code stattest} as {@code method}), in lower case.
 */
final class MonitoringJson {

  private MonitoringJson() {}

  static Map<String, Object> drift(MonitoringReport report) {
    Map<String, Object> json = header(report);
    report.reason().ifPresent(reason -> json.put("reason", reason));
    report
        .window()
        .ifPresent(
            window -> {
              json.put("driftShare", window.features().driftShare());
              json.put("computedFeatures", window.features().computedColumns());
              json.put("driftedFeatures", window.features().driftedColumns());
              json.put("shareDrifted", window.features().shareDrifted());
              json.put("datasetDrift", window.features().datasetDrifted());
              List<Map<String, Object>> features = new ArrayList<>();
              for (ColumnDriftResult column : window.features().columns()) {
                features.add(column(column, quality(window, column.column())));
              }
              json.put("features", features);
              json.put(
                  "prediction",
                  window
                      .prediction()
                      .map(p -> column(p, quality(window, WindowReport.PREDICTION)))
                      .orElse(null));
            });
    json.put("traffic", traffic(report.traffic()));
    return json;
  }

  static Map<String, Object> performance(MonitoringReport report) {
    Map<String, Object> json = header(report);
    PerformanceReport performance = report.performance();
    json.put("labelledRows", performance.labelledRows());
    json.put("metrics", performance.metrics());
    json.put("heldOut", performance.heldOut());
    performance.reason().ifPresent(reason -> json.put("reason", reason));
    return json;
  }

  private static Map<String, Object> header(MonitoringReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", report.model());
    json.put("version", report.version());
    json.put("from", report.from().toString());
    json.put("to", report.to().toString());
    json.put("rows", report.rows());
    json.put("baseline", report.baselineSource().orElse(null));
    return json;
  }

  private static Optional<ColumnQualityResult> quality(WindowReport window, String column) {
    return window.quality().stream().filter(q -> q.column().equals(column)).findFirst();
  }

  private static Map<String, Object> column(
      ColumnDriftResult drift, Optional<ColumnQualityResult> quality) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("column", drift.column());
    json.put("status", drift.status().name().toLowerCase(Locale.ROOT));
    json.put("kind", drift.kind().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(null));
    json.put("method", drift.method().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse(null));
    json.put("threshold", number(drift.threshold()));
    json.put("score", number(drift.score()));
    json.put("drifted", drift.drifted());
    json.put("psi", number(drift.psi()));
    json.put("psiBand", drift.psiBand().map(b -> b.name().toLowerCase(Locale.ROOT)).orElse(null));
    json.put("reference", counts(drift.reference()));
    json.put("current", counts(drift.current()));
    drift.reason().ifPresent(reason -> json.put("reason", reason));
    quality.ifPresent(q -> json.put("quality", quality(q)));
    return json;
  }

  private static Map<String, Object> counts(SampleCounts counts) {
    return Map.of("rows", counts.rows(), "missing", counts.missing());
  }

  private static Map<String, Object> quality(ColumnQualityResult quality) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", quality.status().name().toLowerCase(Locale.ROOT));
    quality.reason().ifPresent(reason -> json.put("reason", reason));
    json.put("currentRows", quality.currentRows());
    json.put("reference", shares(quality.reference()));
    json.put("current", shares(quality.current()));
    quality.outOfRange().ifPresent(share -> json.put("outOfRange", share(share)));
    quality
        .newCategories()
        .ifPresent(
            n -> {
              Map<String, Object> categories = new LinkedHashMap<>();
              categories.put("count", n.count());
              categories.put("listed", n.listed());
              categories.put("share", share(n.share()));
              json.put("newCategories", categories);
            });
    return json;
  }

  private static Map<String, Object> shares(MissingValueShares shares) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("missing", share(shares.missing()));
    json.put("nan", share(shares.nan()));
    json.put("infinite", share(shares.infinite()));
    return json;
  }

  /** A share as its number, or as {@code {"share": null, "reason": ...}}'s parts: null here. */
  private static Object share(RowShare share) {
    return share.value().isPresent() ? (Object) share.value().getAsDouble() : null;
  }

  private static List<Map<String, Object>> traffic(List<TrafficBucket> traffic) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (TrafficBucket bucket : traffic) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("start", bucket.start().toString());
      b.put("predictions", bucket.predictions());
      b.put("meanLatencyMicros", bucket.meanLatencyMicros());
      b.put("maxLatencyMicros", bucket.maxLatencyMicros());
      json.add(b);
    }
    return json;
  }

  static Map<String, Object> snapshot(MonitoringSnapshot snapshot) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", snapshot.id().toString());
    json.put("model", snapshot.model());
    json.put("version", snapshot.version());
    json.put("computedAt", snapshot.computedAt().toString());
    json.put("from", snapshot.windowFrom().toString());
    json.put("to", snapshot.windowTo().toString());
    json.put("rows", snapshot.rows());
    json.put("shareDrifted", snapshot.shareDrifted());
    json.put("datasetDrift", snapshot.datasetDrifted());
    json.put("labelledRows", snapshot.labelledRows());
    json.put("meanLatencyMicros", snapshot.meanLatencyMicros());
    json.put("performance", snapshot.performance());
    List<Map<String, Object>> columns = new ArrayList<>();
    for (SnapshotColumn c : snapshot.columns()) {
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("column", c.column());
      column.put("status", c.status());
      column.put("kind", c.kind().orElse(null));
      column.put("method", c.method().orElse(null));
      column.put("threshold", number(c.threshold()));
      column.put("score", number(c.score()));
      column.put("drifted", c.drifted());
      column.put("psi", number(c.psi()));
      column.put("missingShare", number(c.missingShare()));
      column.put("outOfRangeShare", number(c.outOfRangeShare()));
      column.put("newCategoryShare", number(c.newCategoryShare()));
      c.reason().ifPresent(reason -> column.put("reason", reason));
      columns.add(column);
    }
    json.put("columns", columns);
    return json;
  }

  static Map<String, Object> rule(AlertRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id().toString());
    json.put("model", rule.model());
    json.put("feature", rule.feature().orElse(null));
    json.put("metric", rule.metric().key());
    json.put("comparison", rule.comparison().key());
    json.put("threshold", rule.threshold());
    json.put("severity", rule.severity().key());
    json.put("startsRetraining", rule.startsRetraining());
    json.put("enabled", rule.enabled());
    json.put("description", rule.describe());
    json.put("createdBy", rule.createdBy());
    json.put("createdAt", rule.createdAt().toString());
    return json;
  }

  static Map<String, Object> alert(Alert alert) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", alert.id().toString());
    json.put("ruleId", alert.ruleId().toString());
    json.put("model", alert.model());
    json.put("feature", alert.feature().orElse(null));
    json.put("metric", alert.metric().key());
    json.put("severity", alert.severity().key());
    json.put("status", alert.status().key());
    json.put("value", alert.value());
    json.put("threshold", alert.threshold());
    json.put("message", alert.message());
    json.put("openedAt", alert.openedAt().toString());
    json.put("lastSeenAt", alert.lastSeenAt().toString());
    json.put("acknowledgedBy", alert.acknowledgedBy().orElse(null));
    json.put("acknowledgedAt", alert.acknowledgedAt().map(Object::toString).orElse(null));
    json.put("resolvedBy", alert.resolvedBy().orElse(null));
    json.put("resolvedAt", alert.resolvedAt().map(Object::toString).orElse(null));
    json.put("retrainingProcessId", alert.retrainingProcessId().orElse(null));
    return json;
  }

  static Map<String, Object> policy(MonitoringPolicy policy, boolean saved) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", policy.model().value());
    json.put("saved", saved);
    json.put("driftShare", policy.driftShare());
    json.put("window", policy.window().toString());
    json.put("windowPredictions", policy.windowPredictions());
    json.put("evaluateEvery", policy.evaluateEvery().toString());
    List<Map<String, Object>> overrides = new ArrayList<>();
    for (FeatureDriftOverride o : policy.overrides()) {
      Map<String, Object> override = new LinkedHashMap<>();
      override.put("feature", o.feature());
      override.put("categorical", o.categorical());
      override.put("method", o.method().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse(null));
      override.put("threshold", number(o.threshold()));
      overrides.add(override);
    }
    json.put("overrides", overrides);
    json.put("updatedBy", saved ? policy.updatedBy() : null);
    json.put("updatedAt", saved ? policy.updatedAt().toString() : null);
    return json;
  }

  private static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
