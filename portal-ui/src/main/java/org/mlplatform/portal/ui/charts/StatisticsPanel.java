package org.mlplatform.portal.ui.charts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import org.mlplatform.domain.features.stats.ColumnStatistics;

/**
 * Per-column statistics as a table, and the chosen column's distribution as a chart: a histogram
 * for numbers and times, the top categories for text and booleans.
 */
public class StatisticsPanel extends VerticalLayout {

  private final Div chartArea = new Div();

  public StatisticsPanel(List<ColumnStatistics> statistics) {
    setPadding(false);
    Grid<ColumnStatistics> grid = new Grid<>();
    grid.setId("statistics-grid");
    grid.addColumn(ColumnStatistics::column).setHeader("Column").setAutoWidth(true);
    grid.addColumn(ColumnStatistics::type).setHeader("Type").setAutoWidth(true);
    grid.addColumn(ColumnStatistics::count).setHeader("Count").setAutoWidth(true);
    grid.addColumn(s -> percent(s.nullCount(), s.count())).setHeader("Null").setAutoWidth(true);
    grid.addColumn(s -> s.distinctCount() == null ? "" : distinct(s))
        .setHeader("Distinct")
        .setAutoWidth(true);
    grid.addColumn(s -> s.numeric() == null ? "" : value(s, s.numeric().min()))
        .setHeader("Min")
        .setAutoWidth(true);
    grid.addColumn(s -> s.numeric() == null ? "" : value(s, s.numeric().mean()))
        .setHeader("Mean")
        .setAutoWidth(true);
    grid.addColumn(s -> s.numeric() == null ? "" : number(s.numeric().standardDeviation()))
        .setHeader("Std dev")
        .setAutoWidth(true);
    grid.addColumn(s -> s.numeric() == null ? "" : value(s, s.numeric().quantiles().get("p50")))
        .setHeader("Median")
        .setAutoWidth(true);
    grid.addColumn(s -> s.numeric() == null ? "" : value(s, s.numeric().max()))
        .setHeader("Max")
        .setAutoWidth(true);
    grid.addColumn(s -> s.notComputable() == null ? "" : s.notComputable())
        .setHeader("Note")
        .setFlexGrow(1);
    grid.setItems(statistics);
    grid.setAllRowsVisible(true);
    grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    chartArea.setWidthFull();
    chartArea.setId("statistics-chart");
    add(new Span("Select a column to see its distribution."), grid, chartArea);
    statistics.stream()
        .filter(s -> s.notComputable() == null)
        .filter(s -> s.numeric() != null || !s.topCategories().isEmpty())
        .reduce((first, later) -> later) // the last column: usually a feature, not a key
        .ifPresent(grid::select);
  }

  private void show(ColumnStatistics column) {
    chartArea.removeAll();
    if (column == null || column.notComputable() != null) {
      return;
    }
    if (column.numeric() != null && !column.numeric().histogram().isEmpty()) {
      chartArea.add(Chart.histogram(column.column() + ": histogram", column.numeric().histogram()));
    } else if (!column.topCategories().isEmpty()) {
      chartArea.add(
          Chart.categories(column.column() + ": most frequent values", column.topCategories()));
    }
  }

  private static String distinct(ColumnStatistics s) {
    return (s.distinctCountIsLowerBound() ? "≥ " : "") + s.distinctCount();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  /** A statistic in the column's terms: times as times (they are kept as epoch seconds). */
  static String value(ColumnStatistics column, Double value) {
    if (value != null && column.type() == org.mlplatform.domain.features.FeatureType.TIMESTAMP) {
      return org.mlplatform.portal.ui.base.Times.format(
          java.time.Instant.ofEpochMilli(Math.round(value * 1000)));
    }
    return number(value);
  }

  static String number(Double value) {
    if (value == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%.6g", value)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceAll("\\.(e|$)", "$1");
  }
}
