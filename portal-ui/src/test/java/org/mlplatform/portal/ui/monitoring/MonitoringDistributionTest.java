package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.monitoring.Distribution;
import org.mlplatform.portal.monitoring.MonitoringReport;

class MonitoringDistributionTest {

  private final MonitoringReport report =
      MonitoringFixtures.report(
          Optional.of(MonitoringFixtures.window()),
          MonitoringFixtures.performance(Map.of(), Map.of()));

  @Test
  void theColumnsAreTheFeaturesThenThePredictionAndTheFirstDriftedIsShownFirst() {
    assertThat(DistributionPanel.columns(report))
        .containsExactly("amount", "age", "city", "prediction");
    assertThat(DistributionPanel.firstDrifted(report)).contains("amount");
  }

  @Test
  void withoutAWindowThereIsNothingToChoose() {
    var empty =
        MonitoringFixtures.report(
            Optional.empty(), MonitoringFixtures.performance(Map.of(), Map.of()));

    assertThat(DistributionPanel.columns(empty)).isEmpty();
    assertThat(DistributionPanel.firstDrifted(empty)).isEmpty();
  }

  @Test
  void trainingAndWindowSharesInPercentOverTheBins() {
    var option =
        DistributionPanel.chart(
                new Distribution(
                    "amount", List.of("0 – 10", "10 – 20"), List.of(0.75, 0.25), List.of(0.5, 0.5)))
            .option();

    assertThat(option.getJsonObject("xAxis").getJsonArray("data").toString())
        .isEqualTo("[\"0 – 10\",\"10 – 20\"]");
    var series = option.getJsonArray("series");
    assertThat(series.getJsonObject(0).getString("name")).isEqualTo("training");
    assertThat(series.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[75.0,25.0]");
    assertThat(series.getJsonObject(1).getString("name")).isEqualTo("this window");
    assertThat(series.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[50.0,50.0]");
  }

  @Test
  void viewersLookReviewersAcknowledgeDataScientistsAndAdminsDoEverything() {
    PlatformUser viewer = new PlatformUser("v", "V", Set.of(Role.VIEWER));
    PlatformUser reviewer = new PlatformUser("r", "R", Set.of(Role.REVIEWER));
    PlatformUser scientist = new PlatformUser("d", "D", Set.of(Role.DATA_SCIENTIST));
    PlatformUser admin = new PlatformUser("a", "A", Set.of(Role.ADMIN));

    assertThat(List.of(viewer, reviewer, scientist, admin))
        .extracting(
            MonitoringAccess::canAcknowledge,
            MonitoringAccess::canResolve,
            MonitoringAccess::canEditRules,
            MonitoringAccess::canRefresh)
        .containsExactly(
            tuple(false, false, false, false),
            tuple(true, false, false, false),
            tuple(true, true, true, true),
            tuple(true, true, true, true));
  }
}
