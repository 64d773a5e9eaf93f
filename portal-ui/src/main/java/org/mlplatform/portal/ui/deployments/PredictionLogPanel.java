package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.serving.PredictionLogException;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.models.ModelVersionView;

/**
 * The deployment's latest logged predictions, newest first, read from the prediction log when the
 * page opens and on "Refresh". The log is written in the background, so a prediction shows up a
 * moment after it was made.
 */
final class PredictionLogPanel extends VerticalLayout {

  static final int LATEST = 50;

  /** Inputs and outputs are cut to this many characters in the grid; the tooltip has them all. */
  private static final int SHOWN = 160;

  private final ResourceName model;
  private final ServingRuntime runtime;
  private final Grid<PredictionRecord> grid = new Grid<>();
  private final Span total = new Span();

  PredictionLogPanel(ResourceName model, ServingRuntime runtime) {
    this.model = model;
    this.runtime = runtime;
    setPadding(false);
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("predictions-refresh");
    total.setId("predictions-total");
    HorizontalLayout bar = new HorizontalLayout(refresh, total);
    bar.setAlignItems(Alignment.CENTER);
    grid.setId("predictions-grid");
    grid.addColumn(r -> Times.format(r.at())).setHeader("Time").setAutoWidth(true);
    grid.addComponentColumn(
            r ->
                new RouterLink(
                    "v" + r.version(),
                    ModelVersionView.class,
                    ModelVersionView.parameters(r.model(), r.version())))
        .setHeader("Version")
        .setAutoWidth(true);
    grid.addColumn(PredictionRecord::route).setHeader("Route").setAutoWidth(true);
    grid.addColumn(r -> DeploymentText.latency(r.latencyMicros()))
        .setHeader("Latency")
        .setAutoWidth(true);
    grid.addColumn(r -> DeploymentText.shorten(r.inputs(), SHOWN))
        .setHeader("Inputs")
        .setTooltipGenerator(r -> DeploymentText.shorten(r.inputs(), 4_000))
        .setFlexGrow(1);
    grid.addColumn(r -> DeploymentText.shorten(r.outputs(), SHOWN))
        .setHeader("Outputs")
        .setTooltipGenerator(r -> DeploymentText.shorten(r.outputs(), 4_000))
        .setFlexGrow(1);
    grid.addColumn(r -> r.requestId() == null ? "" : r.requestId())
        .setHeader("Request")
        .setAutoWidth(true);
    grid.setHeight("24rem");
    add(bar, grid);
    refresh();
  }

  void refresh() {
    PredictionLogStore store = runtime.logStore();
    if (store == null) {
      grid.setItems(List.of());
      total.setText("The serving engine is starting; the log can be read once it has.");
      return;
    }
    try {
      List<PredictionRecord> latest = store.recent(model.value(), LATEST);
      long count = store.count(model.value());
      grid.setItems(latest);
      total.setText(
          count == 0
              ? "No predictions logged yet."
              : "The latest " + latest.size() + " of " + count + " logged predictions.");
    } catch (PredictionLogException e) {
      grid.setItems(List.of());
      total.setText("The prediction log could not be read: " + e.getMessage());
    }
  }
}
