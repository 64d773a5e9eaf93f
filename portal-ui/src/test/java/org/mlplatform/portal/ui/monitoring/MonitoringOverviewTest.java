package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.T;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.column;
import static org.mlplatform.portal.ui.monitoring.MonitoringFixtures.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.alerts.Alert;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;

class MonitoringOverviewTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final ResourceName CHURN = new ResourceName("churn");

  private static Alert alert(String model) {
    AlertRule rule =
        AlertRule.create(
            model,
            Optional.empty(),
            MonitoredMetric.DATASET_DRIFT_SHARE,
            Comparison.ABOVE,
            0.3,
            AlertSeverity.WARNING,
            false,
            "alice",
            T);
    return Alert.open(rule, 0.5, "half the features drifted", T);
  }

  @Test
  void eachModelWithItsLatestSnapshotAndUnresolvedAlerts() {
    Alert acknowledged = alert("fraud").acknowledge("bob", T.plusSeconds(5));
    Alert resolved = alert("fraud").resolve("bob", T.plusSeconds(5));
    List<OverviewRow> rows =
        OverviewRow.of(
            List.of(FRAUD, CHURN),
            m ->
                m.equals(FRAUD)
                    ? Optional.of(
                        snapshot(
                            T,
                            0.5,
                            true,
                            List.of(
                                column("amount", 0.3, true),
                                column("age", 0.01, false),
                                column("city", null, false),
                                column("prediction", 0.5, true)),
                            Map.of()))
                    : Optional.empty(),
            List.of(alert("fraud"), acknowledged, resolved, alert("other")));

    OverviewRow fraud = rows.getFirst();
    assertThat(fraud.version()).isEqualTo("v3");
    assertThat(fraud.rows()).isEqualTo("120");
    assertThat(fraud.driftedFeatures()).isEqualTo("1 of 2");
    assertThat(fraud.datasetDrifted()).contains(true);
    assertThat(fraud.openAlerts()).isEqualTo(2);

    OverviewRow churn = rows.getLast();
    assertThat(churn.version()).isEqualTo(MonitoringText.NONE);
    assertThat(churn.driftedFeatures()).isEqualTo(MonitoringText.NONE);
    assertThat(churn.datasetDrifted()).isEmpty();
    assertThat(churn.openAlerts()).isZero();
  }

  @Test
  void alertTextsForTheGrid() {
    Alert alert = alert("fraud");
    Alert handled = alert.acknowledge("bob", Instant.now()).resolve("carol", Instant.now());

    assertThat(AlertsPanel.valueAgainstThreshold(alert)).isEqualTo("0.5 / 0.3");
    assertThat(AlertsPanel.handledBy(alert)).isEmpty();
    assertThat(AlertsPanel.handledBy(handled)).isEqualTo("acknowledged by bob, resolved by carol");
  }
}
