package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.mlplatform.domain.monitoring.history.MonitoringSnapshot;
import org.mlplatform.domain.monitoring.history.SnapshotColumn;

/**
 * The latest snapshot's drift as Prometheus gauges in {@code /metrics}: {@code mlp_drift_score} and
 * {@code mlp_drift_psi} per model and column, {@code mlp_dataset_drift_share} per model. A gauge
 * reads the value the last snapshot left; a column that was not computable reads NaN.
 */
@ApplicationScoped
public class DriftGauges {

  @Inject private MetricRegistry registry;

  private final Map<String, Double> values = new ConcurrentHashMap<>();

  public void update(MonitoringSnapshot snapshot) {
    String model = snapshot.model();
    set("mlp_dataset_drift_share", snapshot.shareDrifted(), new Tag("model", model));
    for (SnapshotColumn column : snapshot.columns()) {
      Tag[] tags = {new Tag("model", model), new Tag("column", column.column())};
      set("mlp_drift_score", column.score().orElse(Double.NaN), tags);
      set("mlp_drift_psi", column.psi().orElse(Double.NaN), tags);
    }
  }

  private void set(String name, double value, Tag... tags) {
    StringBuilder key = new StringBuilder(name);
    for (Tag tag : tags) {
      key.append('|').append(tag.getTagName()).append('=').append(tag.getTagValue());
    }
    String id = key.toString();
    if (values.put(id, value) == null) {
      registry.gauge(name, () -> values.getOrDefault(id, Double.NaN), tags);
    }
  }
}
