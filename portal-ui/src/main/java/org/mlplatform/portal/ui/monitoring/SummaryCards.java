package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.DatasetDriftResult;
import org.mlplatform.domain.monitoring.window.WindowReport;
import org.mlplatform.portal.monitoring.MonitoringReport;

/**
 * The window at a glance: rows, drifted features, the data set's and the prediction's drift
 * verdicts and the labelled rows, one card each.
 */
final class SummaryCards extends Div {

  /** How a card's value reads: plainly, as good news or as a problem. */
  enum Tone {
    PLAIN,
    GOOD,
    BAD
  }

  /** One card: an id suffix, a label, the value and its tone. */
  record Card(String id, String label, String value, Tone tone) {}

  SummaryCards(MonitoringReport report) {
    setId("monitoring-summary");
    getStyle()
        .set("display", "flex")
        .set("flex-wrap", "wrap")
        .set("gap", "0.75rem")
        .set("width", "100%");
    for (Card card : cards(report)) {
      add(card(card));
    }
  }

  /** The cards of {@code report}, in the order they are shown. */
  static List<Card> cards(MonitoringReport report) {
    List<Card> cards = new ArrayList<>();
    cards.add(
        new Card("rows", "Rows in the window", MonitoringText.count(report.rows()), Tone.PLAIN));
    if (report.window().isPresent()) {
      WindowReport window = report.window().get();
      DatasetDriftResult features = window.features();
      cards.add(
          new Card(
              "drifted",
              "Drifted features",
              features.driftedColumns() + " of " + features.columns().size(),
              features.driftedColumns() > 0 ? Tone.BAD : Tone.GOOD));
      cards.add(datasetVerdict(features));
      cards.add(predictionVerdict(window));
    } else {
      cards.add(new Card("drifted", "Drifted features", MonitoringText.NONE, Tone.PLAIN));
      cards.add(new Card("dataset-drift", "Dataset drift", MonitoringText.NONE, Tone.PLAIN));
      cards.add(new Card("prediction-drift", "Prediction drift", MonitoringText.NONE, Tone.PLAIN));
    }
    cards.add(
        new Card(
            "labelled",
            "Labelled rows",
            MonitoringText.count(report.performance().labelledRows()),
            Tone.PLAIN));
    return cards;
  }

  private static Card datasetVerdict(DatasetDriftResult features) {
    if (features.computedColumns() == 0) {
      return new Card("dataset-drift", "Dataset drift", "not computable", Tone.PLAIN);
    }
    return features.datasetDrifted()
        ? new Card(
            "dataset-drift",
            "Dataset drift",
            "Drifted (" + MonitoringText.share(features.shareDrifted()) + ")",
            Tone.BAD)
        : new Card(
            "dataset-drift",
            "Dataset drift",
            "No drift (" + MonitoringText.share(features.shareDrifted()) + ")",
            Tone.GOOD);
  }

  private static Card predictionVerdict(WindowReport window) {
    if (window.prediction().isEmpty()) {
      return new Card(
          "prediction-drift", "Prediction drift", "no held-out predictions", Tone.PLAIN);
    }
    ColumnDriftResult prediction = window.prediction().get();
    if (!prediction.isComputed()) {
      return new Card("prediction-drift", "Prediction drift", "not computable", Tone.PLAIN);
    }
    return prediction.drifted()
        ? new Card("prediction-drift", "Prediction drift", "Drifted", Tone.BAD)
        : new Card("prediction-drift", "Prediction drift", "No drift", Tone.GOOD);
  }

  private static Div card(Card card) {
    Span label = new Span(card.label());
    label.getStyle().set("font-size", "0.85rem").set("opacity", "0.75");
    Span value = new Span(card.value());
    value.addClassName("monitoring-card-value");
    value.getStyle().set("font-size", "1.35rem").set("font-weight", "600");
    switch (card.tone()) {
      case GOOD -> value.getStyle().set("color", "var(--aura-green-text, #15803d)");
      case BAD -> value.getStyle().set("color", "var(--aura-red-text, #b3261e)");
      case PLAIN -> {}
    }
    Div box = new Div(label, value);
    box.setId("monitoring-card-" + card.id());
    box.addClassName("monitoring-card");
    box.getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "0.25rem")
        .set("min-width", "10rem")
        .set("padding", "0.75rem 1rem")
        .set("border-radius", "0.5rem")
        .set("border", "1px solid color-mix(in srgb, currentColor 15%, transparent)");
    return box;
  }
}
