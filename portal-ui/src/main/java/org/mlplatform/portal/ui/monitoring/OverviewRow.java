package org.mlplatform.portal.ui.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;
import org.mlplatform.domain.monitoring.window.WindowReport;

/**
 * One monitored model in the overview: its latest snapshot, when it has one, and how many of its
 * alerts are not resolved.
 */
record OverviewRow(ResourceName model, Optional<MonitoringSnapshot> latest, long openAlerts) {

  /**
   * @param latest a model's latest snapshot
   * @param unresolved the open and acknowledged alerts of all models
   */
  static List<OverviewRow> of(
      List<ResourceName> models,
      Function<ResourceName, Optional<MonitoringSnapshot>> latest,
      List<Alert> unresolved) {
    Map<String, Long> open =
        unresolved.stream()
            .filter(a -> a.status().isUnresolved())
            .collect(Collectors.groupingBy(Alert::model, Collectors.counting()));
    return models.stream()
        .map(m -> new OverviewRow(m, latest.apply(m), open.getOrDefault(m.value(), 0L)))
        .toList();
  }

  String version() {
    return latest.map(s -> "v" + s.version()).orElse(MonitoringText.NONE);
  }

  String rows() {
    return latest.map(s -> MonitoringText.count(s.rows())).orElse(MonitoringText.NONE);
  }

  /** {@code 2 of 5}: drifted features of those with a score (the prediction is not a feature). */
  String driftedFeatures() {
    return latest
        .map(
            s -> {
              List<SnapshotColumn> features =
                  s.columns().stream()
                      .filter(c -> !c.column().equals(WindowReport.PREDICTION))
                      .filter(SnapshotColumn::isComputed)
                      .toList();
              if (features.isEmpty()) {
                return MonitoringText.NONE;
              }
              return features.stream().filter(SnapshotColumn::drifted).count()
                  + " of "
                  + features.size();
            })
        .orElse(MonitoringText.NONE);
  }

  /** {@code yes}, {@code no}, or none without a snapshot or without computed columns. */
  Optional<Boolean> datasetDrifted() {
    return latest
        .filter(s -> s.columns().stream().anyMatch(SnapshotColumn::isComputed))
        .map(MonitoringSnapshot::datasetDrifted);
  }
}
