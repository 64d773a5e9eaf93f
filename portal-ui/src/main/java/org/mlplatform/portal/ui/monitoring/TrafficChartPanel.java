package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.mlplatform.domain.serving.TrafficBucket;
import org.mlplatform.portal.ui.charts.Chart;

/** Predictions and latency over the window, from the prediction log, with a one-line summary. */
final class TrafficChartPanel extends VerticalLayout {

  TrafficChartPanel(List<TrafficBucket> buckets) {
    setPadding(false);
    setSpacing(false);
    WindowTraffic traffic = WindowTraffic.of(buckets);
    if (!traffic.isEmpty()) {
      Chart chart = traffic.chart();
      chart.setId("monitoring-traffic-chart");
      add(chart);
    }
    Paragraph summary = new Paragraph(traffic.summary());
    summary.setId("monitoring-traffic-summary");
    add(summary);
  }
}
