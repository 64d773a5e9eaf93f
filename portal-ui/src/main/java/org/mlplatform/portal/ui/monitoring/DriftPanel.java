package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.mlplatform.portal.monitoring.MonitoringReport;
import org.mlplatform.portal.ui.charts.Chart;

/**
 * Drift and data quality of the window, per feature and for the prediction, and the drift scores of
 * the snapshots taken over the window.
 */
final class DriftPanel extends VerticalLayout {

  DriftPanel(MonitoringReport report, HistorySeries history) {
    setPadding(false);
    List<DriftRow> rows = report.window().map(DriftRow::of).orElse(List.of());
    if (report.window().isEmpty()) {
      Paragraph reason =
          new Paragraph(
              MonitoringText.sentence(
                  report.reason().orElse("nothing was analysed in this window")));
      reason.setId("monitoring-drift-reason");
      add(reason);
    }
    add(grid(rows, report.reason().orElse("Nothing was analysed in this window.")));
    if (history.isEmpty()) {
      Paragraph none =
          new Paragraph(
              "No snapshots in this window yet: they are taken on a schedule (data scientists"
                  + " and admins can take one with Refresh now), or choose a longer window.");
      none.setId("monitoring-drift-chart-empty");
      add(none);
    } else {
      Chart chart = history.driftChart();
      chart.setId("monitoring-drift-chart");
      add(chart);
    }
  }

  private static Grid<DriftRow> grid(List<DriftRow> rows, String empty) {
    Grid<DriftRow> grid = new Grid<>();
    grid.setId("monitoring-drift-grid");
    grid.addColumn(r -> r.prediction() ? r.column() + " (output)" : r.column())
        .setHeader("Column")
        .setFrozen(true)
        .setAutoWidth(true);
    grid.addColumn(DriftRow::kind).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(DriftRow::method).setHeader("Method").setAutoWidth(true);
    grid.addColumn(DriftRow::threshold).setHeader("Threshold").setAutoWidth(true);
    grid.addColumn(DriftRow::score).setHeader("Score").setAutoWidth(true);
    grid.addComponentColumn(r -> MonitoringBadges.drift(r.computed(), r.drifted()))
        .setHeader("Drift")
        .setWidth("130px")
        .setFlexGrow(0);
    grid.addColumn(DriftRow::psi).setHeader("PSI").setAutoWidth(true);
    grid.addColumn(DriftRow::missingCurrent).setHeader("Missing now").setAutoWidth(true);
    grid.addColumn(DriftRow::missingReference).setHeader("Missing in training").setAutoWidth(true);
    grid.addColumn(DriftRow::outOfRange).setHeader("Out of range").setAutoWidth(true);
    grid.addColumn(DriftRow::newCategories).setHeader("New categories").setAutoWidth(true);
    grid.addColumn(r -> r.reason().orElse(""))
        .setHeader("Reason")
        .setAutoWidth(true)
        .setTooltipGenerator(r -> r.reason().orElse(""));
    grid.setItems(rows);
    grid.setEmptyStateText(empty);
    grid.setAllRowsVisible(true);
    return grid;
  }
}
