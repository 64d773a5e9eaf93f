package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.monitoring.PerformanceReport;
import org.mlplatform.portal.ui.charts.Chart;

/**
 * How the version did on the window's predictions that got ground truth, beside its held-out
 * metrics, and its performance over the snapshots of the window.
 */
final class PerformancePanel extends VerticalLayout {

  PerformancePanel(MonitoringReport report, HistorySeries history) {
    setId("monitoring-performance");
    setPadding(false);
    PerformanceReport performance = report.performance();
    Paragraph labelled =
        new Paragraph(
            MonitoringText.count(performance.labelledRows())
                + " of the window's predictions of v"
                + report.version()
                + " have ground truth.");
    labelled.setId("monitoring-performance-labelled");
    add(labelled);
    if (performance.metrics().isEmpty()) {
      Paragraph reason = new Paragraph(reason(report.model(), performance));
      reason.setId("monitoring-performance-reason");
      add(reason);
    }
    Grid<PerformanceRow> grid = new Grid<>();
    grid.setId("monitoring-performance-grid");
    grid.addColumn(PerformanceRow::metric).setHeader("Metric").setAutoWidth(true);
    grid.addColumn(r -> MonitoringText.number(r.current()))
        .setHeader("This window")
        .setAutoWidth(true);
    grid.addColumn(r -> MonitoringText.number(r.heldOut()))
        .setHeader("Held out (registered)")
        .setAutoWidth(true);
    grid.addColumn(r -> signed(r)).setHeader("Change").setAutoWidth(true);
    grid.setItems(PerformanceRow.of(performance));
    grid.setEmptyStateText("The version was registered without metrics and has no ground truth.");
    grid.setAllRowsVisible(true);
    add(grid);
    if (history.hasPerformance()) {
      Chart chart = history.performanceChart();
      chart.setId("monitoring-performance-chart");
      add(chart);
    }
  }

  /** Why there are no metrics, and where ground truth goes when there is none at all. */
  static String reason(String model, PerformanceReport performance) {
    String why = MonitoringText.sentence(performance.reason().orElse("no ground truth yet"));
    return performance.labelledRows() == 0
        ? why + " " + MonitoringText.sentence(MonitoringText.feedbackHint(model))
        : why;
  }

  private static String signed(PerformanceRow row) {
    if (row.change().isEmpty()) {
      return MonitoringText.NONE;
    }
    double change = row.change().getAsDouble();
    return (change > 0 ? "+" : "") + MonitoringText.number(change);
  }
}
