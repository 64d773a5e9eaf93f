package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.monitoring.quality.NewCategories;

class MonitoringDriftRowTest {

  private final List<DriftRow> rows = DriftRow.of(MonitoringFixtures.window());

  @Test
  void theFeaturesInOrderThenThePrediction() {
    assertThat(rows)
        .extracting(DriftRow::column)
        .containsExactly("amount", "age", "city", "prediction");
    assertThat(rows).extracting(DriftRow::prediction).containsExactly(false, false, false, true);
  }

  @Test
  void aComputedFeatureShowsItsTestAndQuality() {
    DriftRow amount = rows.getFirst();

    assertThat(amount.kind()).isEqualTo("numerical");
    assertThat(amount.method()).isEqualTo("wasserstein");
    assertThat(amount.threshold()).isEqualTo("0.1");
    assertThat(amount.score()).isEqualTo("0.4");
    assertThat(amount.drifted()).isTrue();
    assertThat(amount.psi()).isEqualTo("0.3 (significant)");
    assertThat(amount.missingCurrent()).isEqualTo("5.0 %");
    assertThat(amount.missingReference()).isEqualTo("0 %");
    assertThat(amount.outOfRange()).isEqualTo("12.5 %");
    assertThat(amount.newCategories()).isEqualTo(MonitoringText.NONE);
    assertThat(amount.reason()).isEmpty();
  }

  @Test
  void aColumnNotComputableSaysWhy() {
    DriftRow city = rows.get(2);

    assertThat(city.computed()).isFalse();
    assertThat(city.drifted()).isFalse();
    assertThat(city.score()).isEqualTo(MonitoringText.NONE);
    assertThat(city.kind()).isEqualTo(MonitoringText.NONE);
    assertThat(city.psi()).isEqualTo(MonitoringText.NONE);
    assertThat(city.missingCurrent()).isEqualTo(MonitoringText.NONE);
    assertThat(city.reason()).contains("no current values");
  }

  @Test
  void aLabelPredictionShowsItsNewCategories() {
    DriftRow prediction = rows.getLast();

    assertThat(prediction.method()).isEqualTo("chi square");
    assertThat(prediction.drifted()).isFalse();
    assertThat(prediction.outOfRange()).isEqualTo(MonitoringText.NONE);
    assertThat(prediction.newCategories()).isEqualTo("1 (3.5 %): fraud?");
  }

  @Test
  void manyNewCategoriesAreCutShort() {
    NewCategories many =
        new NewCategories(
            List.of("a", "b", "c", "d", "e", "f", "g"), 7, 9, MonitoringFixtures.share(0.09));

    assertThat(DriftRow.newCategories(many)).isEqualTo("7 (9.0 %): a, b, c, d, e, …");
    assertThat(
            DriftRow.newCategories(new NewCategories(List.of(), 0, 0, MonitoringFixtures.share(0))))
        .isEqualTo("0");
  }

  @Test
  void summaryCardsCountDriftedFeaturesAndGiveBothVerdicts() {
    var report =
        MonitoringFixtures.report(
            Optional.of(MonitoringFixtures.window()),
            MonitoringFixtures.performance(Map.of("accuracy", 0.9), Map.of("accuracy", 0.92)));

    assertThat(SummaryCards.cards(report))
        .extracting(SummaryCards.Card::id, SummaryCards.Card::value, SummaryCards.Card::tone)
        .containsExactly(
            tuple("rows", "200", SummaryCards.Tone.PLAIN),
            tuple("drifted", "1 of 3", SummaryCards.Tone.BAD),
            tuple("dataset-drift", "Drifted (50.0 %)", SummaryCards.Tone.BAD),
            tuple("prediction-drift", "No drift", SummaryCards.Tone.GOOD),
            tuple("labelled", "50", SummaryCards.Tone.PLAIN));
  }

  @Test
  void withoutAWindowTheCardsSayNothingWasAnalysed() {
    var report =
        MonitoringFixtures.report(
            Optional.empty(), MonitoringFixtures.performance(Map.of(), Map.of()));

    assertThat(SummaryCards.cards(report))
        .extracting(SummaryCards.Card::value)
        .containsExactly("0", MonitoringText.NONE, MonitoringText.NONE, MonitoringText.NONE, "0");
  }
}
