package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.mlplatform.portal.ui.charts.Chart;
import org.mlplatform.serving.engine.TrafficWindow;

/**
 * The live chart of one deployment: {@link #show} redraws it with the latest window (one chart, fed
 * new data) and updates the one-line summary under it.
 */
final class TrafficPanel extends VerticalLayout {

  private final Div holder = new Div();
  private final Paragraph summary = new Paragraph();
  private Chart chart;

  TrafficPanel() {
    setPadding(false);
    setSpacing(false);
    holder.setId("traffic-chart");
    holder.setWidthFull();
    holder.setMinHeight("260px");
    summary.setId("traffic-summary");
    add(holder, summary);
  }

  void show(List<TrafficWindow.Point> points) {
    TrafficSeries series = TrafficSeries.of(points);
    if (chart == null) {
      chart = series.chart();
      holder.add(chart);
    } else {
      chart.redraw(series.chart());
    }
    summary.setText(series.summary());
  }

  /** Nothing to draw: the engine does not serve the deployment (yet). */
  void unavailable(String why) {
    holder.removeAll();
    chart = null;
    summary.setText(why);
  }
}
