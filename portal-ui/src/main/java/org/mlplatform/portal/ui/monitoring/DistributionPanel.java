package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.portal.monitoring.Distribution;
import org.mlplatform.portal.monitoring.ModelMonitoring;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.ui.charts.Chart;

/**
 * The training and the window's values of one column side by side, as shares per bin. The column is
 * chosen in a box; the first drifted one is shown to begin with.
 */
final class DistributionPanel extends VerticalLayout {

  private final ComboBox<String> column = new ComboBox<>("Column");
  private final Div holder = new Div();
  private final Paragraph note = new Paragraph();
  private final ResourceName model;
  private final MonitoringReport report;
  private final ModelMonitoring monitoring;
  private Chart chart;

  DistributionPanel(ResourceName model, MonitoringReport report, ModelMonitoring monitoring) {
    this.model = model;
    this.report = report;
    this.monitoring = monitoring;
    setPadding(false);
    column.setId("monitoring-distribution-column");
    column.setItems(columns(report));
    column.setPlaceholder("choose a column");
    holder.setWidthFull();
    note.setId("monitoring-distribution-note");
    add(column, holder, note);
    if (report.window().isEmpty()) {
      column.setEnabled(false);
      note.setText(MonitoringText.sentence(report.reason().orElse("nothing to compare")));
      return;
    }
    column.addValueChangeListener(e -> show(e.getValue()));
    firstDrifted(report).ifPresent(column::setValue);
  }

  /** The features, then the prediction when the baseline had one. */
  static List<String> columns(MonitoringReport report) {
    List<String> names = new ArrayList<>();
    report
        .window()
        .ifPresent(
            w -> {
              w.features().columns().forEach(c -> names.add(c.column()));
              w.prediction().ifPresent(p -> names.add(p.column()));
            });
    return names;
  }

  /** The column to show first: the first drifted one, else the first. */
  static Optional<String> firstDrifted(MonitoringReport report) {
    return report
        .window()
        .flatMap(
            w ->
                w.features().columns().stream()
                    .filter(c -> c.drifted())
                    .map(c -> c.column())
                    .findFirst()
                    .or(() -> w.prediction().filter(p -> p.drifted()).map(p -> p.column()))
                    .or(() -> columns(report).stream().findFirst()));
  }

  private void show(String name) {
    if (name == null) {
      return;
    }
    try {
      Distribution distribution =
          monitoring.distribution(
              model, OptionalInt.of(report.version()), name, report.from(), report.to());
      Chart next = chart(distribution);
      if (chart == null) {
        chart = next;
        holder.add(chart);
      } else {
        chart.redraw(next);
      }
      note.setText(
          distribution.bins().isEmpty()
              ? "No values of " + name + " on either side."
              : "Share of rows per bin, in the training data and in this window.");
    } catch (IllegalArgumentException | ModelRegistry.NotFoundException e) {
      // DomainValidationException is one: no baseline, or a column the version does not have.
      holder.removeAll();
      chart = null;
      note.setText(e.getMessage());
    }
  }

  /** Reference and current shares (in %) per bin, as bars side by side. */
  static Chart chart(Distribution distribution) {
    Map<String, List<? extends Number>> shares = new LinkedHashMap<>();
    shares.put("training", distribution.reference().stream().map(s -> s * 100).toList());
    shares.put("this window", distribution.current().stream().map(s -> s * 100).toList());
    Chart chart =
        Chart.groupedBars(
            distribution.column() + ": training vs this window",
            distribution.bins(),
            new Chart.Axis("% of rows", shares));
    chart.setId("monitoring-distribution-chart");
    return chart;
  }
}
