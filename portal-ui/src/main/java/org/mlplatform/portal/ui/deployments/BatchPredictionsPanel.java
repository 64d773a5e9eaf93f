package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.io.SpreadsheetSafeCsv;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.serving.batch.BatchFiles;
import org.mlplatform.portal.serving.batch.BatchPrediction;
import org.mlplatform.portal.serving.batch.BatchPredictions;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.serving.engine.ModelNotServedException;

/**
 * Batch predictions under the deployments: data scientists and admins run a model (alias or
 * version) over a training set; everyone sees the recent runs, their progress while they run (the
 * page polls every two seconds only while one does), and downloads a finished result.
 */
class BatchPredictionsPanel extends VerticalLayout {

  /** How many recent batch predictions the grid shows. */
  static final int SHOWN = 20;

  private static final int POLL_MILLIS = 2000;

  private final BatchPredictions batches;
  private final BatchFiles files;
  private final Grid<BatchPrediction> grid = new Grid<>();
  private final Span error = new Span();
  private Registration polling;

  BatchPredictionsPanel(BatchPredictions batches, BatchFiles files, PlatformUser user) {
    this.batches = batches;
    this.files = files;
    setPadding(false);
    add(
        new H3("Batch predictions"),
        new Paragraph(
            "A model version run over every row of a training set, as a job; the result is a CSV"
                + " with the rows' keys, the prediction and the class probabilities. Over the API,"
                + " POST /api/v1/batch-predictions also takes an uploaded CSV."));
    if (DeploymentsView.canWrite(user)) {
      add(form(user));
    }
    configureGrid();
    add(grid); // filled on attach, when there is a UI to poll with
  }

  private HorizontalLayout form(PlatformUser user) {
    TextField model = new TextField("Model");
    model.setId("batch-model");
    model.setPlaceholder("fraud@champion or fraud:3");
    model.setHelperText("name (its champion), name:version or name@alias");
    TextField trainingSet = new TextField("Training set id");
    trainingSet.setId("batch-training-set");
    trainingSet.setWidth("24em");
    error.setId("batch-error");
    error.getStyle().set("color", "var(--lumo-error-text-color, #c00)");
    Button start =
        new Button(
            "Run batch prediction",
            e -> {
              error.setText("");
              try {
                batches.onTrainingSet(
                    model.getValue(), trainingSet.getValue(), user, DeploymentsView.origin());
                refresh();
              } catch (IllegalArgumentException
                  | ModelRegistry.NotFoundException
                  | FeatureRegistry.NotFoundException
                  | ModelNotServedException ex) {
                error.setText(ex.getMessage());
              }
            });
    start.setId("batch-start");
    HorizontalLayout form = new HorizontalLayout(model, trainingSet, start, error);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    return form;
  }

  private void configureGrid() {
    grid.setId("batch-grid");
    grid.setAllRowsVisible(true);
    grid.addColumn(b -> Times.format(b.createdAt())).setHeader("Started").setAutoWidth(true);
    grid.addColumn(BatchPredictionsPanel::model).setHeader("Model").setAutoWidth(true);
    grid.addColumn(b -> b.input() == null ? "" : b.input()).setHeader("Input").setFlexGrow(1);
    grid.addColumn(BatchPrediction::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(BatchPredictionsPanel::runsOn).setHeader("Node").setAutoWidth(true);
    grid.addComponentColumn(this::progress).setHeader("Progress").setAutoWidth(true);
    grid.addComponentColumn(this::outcome).setHeader("Result").setFlexGrow(1);
    grid.setEmptyStateText("No batch predictions yet.");
  }

  private static String model(BatchPrediction batch) {
    if (batch.model() == null) {
      return "";
    }
    String pinned = batch.model() + ":" + batch.version();
    return pinned.equals(batch.reference()) ? pinned : batch.reference() + " → v" + batch.version();
  }

  private com.vaadin.flow.component.Component progress(BatchPrediction batch) {
    if (batch.running()) {
      ProgressBar bar = new ProgressBar(0, 1, batch.progress());
      bar.setWidth("8em");
      return bar;
    }
    return new Span(batch.rows() == null ? "" : batch.rows() + " rows");
  }

  private com.vaadin.flow.component.Component outcome(BatchPrediction batch) {
    if (batch.succeeded()) {
      String id = batch.id();
      Anchor download = new Anchor(spreadsheetSafeResult(id), "Download CSV");
      download.setId("batch-download-" + id);
      return download;
    }
    if (batch.error() != null) {
      Span failed = new Span(DeploymentText.shorten(batch.error(), 160));
      failed.getElement().setAttribute("title", batch.error());
      return failed;
    }
    return new Span(batch.message() == null ? "" : batch.message());
  }

  /**
   * The result with formulas in text cells neutralised (a leading {@code '}): copied input columns
   * are whatever the uploader wrote, and people open the file in a spreadsheet.
   */
  private DownloadHandler spreadsheetSafeResult(String id) {
    return event -> {
      event.setFileName("batch-prediction-" + id + ".csv");
      event.setContentType("text/csv");
      try (InputStream in = files.openResult(id);
          OutputStream out = event.getOutputStream()) {
        new SpreadsheetSafeCsv().rewrite(in, out);
      }
    };
  }

  private void refresh() {
    List<BatchPrediction> recent = batches.recent(SHOWN);
    grid.setItems(recent);
    boolean anyRunning = recent.stream().anyMatch(BatchPrediction::running);
    getUI().ifPresent(ui -> poll(ui, anyRunning));
  }

  /** Polls while a batch runs; stops once none does, so an idle page makes no requests. */
  private void poll(UI ui, boolean on) {
    if (on && polling == null) {
      polling = ui.addPollListener(e -> refresh());
      ui.setPollInterval(POLL_MILLIS);
    } else if (!on && polling != null) {
      stopPolling(ui);
    }
  }

  private void stopPolling(UI ui) {
    if (polling != null) {
      polling.remove();
      polling = null;
      ui.setPollInterval(-1);
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopPolling(event.getUI());
    super.onDetach(event);
  }

  /** The node running it, and which attempt, once another node took it over. */
  static String runsOn(BatchPrediction batch) {
    String node = batch.node() == null ? "" : batch.node();
    return batch.attempt() > 1 ? node + " (attempt " + batch.attempt() + ")" : node;
  }
}
