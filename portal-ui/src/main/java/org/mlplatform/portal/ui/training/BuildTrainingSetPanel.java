package org.mlplatform.portal.ui.training;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.ingest.EntityRowsReader;
import org.mlplatform.domain.features.ingest.RowsRejectedException;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.features.TrainingSets;

/**
 * Builds a training set from the browser: features (a list or a feature service), a CSV of entity
 * rows, then the build's progress and a link to the snapshot.
 */
class BuildTrainingSetPanel extends VerticalLayout {

  private static final String BY_SERVICE = "Feature service";
  private static final String BY_LIST = "Features";
  private static final int MAX_ROWS = 2_000_000;

  private final TrainingSets trainingSets;
  private final JobRepository jobs;
  private final PlatformUser user;
  private final UI ui;
  private final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Choose features by");
  private final ComboBox<String> service = new ComboBox<>("Feature service");
  private final MultiSelectComboBox<String> featureList = new MultiSelectComboBox<>("Features");
  private final TextField description = new TextField("Description");
  private final Span rowsStatus = new Span("No entity rows uploaded yet.");
  private final Button build = new Button("Build training set");
  private final ProgressBar bar = new ProgressBar(0, 1);
  private final Span status = new Span();
  private final VerticalLayout result = new VerticalLayout();
  private EntityRows rows;
  private Registration polling;

  BuildTrainingSetPanel(
      TrainingSets trainingSets,
      FeatureStoreService features,
      FeatureServices services,
      JobRepository jobs,
      PlatformUser user,
      UI ui) {
    this.trainingSets = trainingSets;
    this.jobs = jobs;
    this.user = user;
    this.ui = ui;
    setPadding(false);
    mode.setItems(BY_SERVICE, BY_LIST);
    mode.setId("training-mode");
    List<FeatureServiceDefinition> known = services.latest();
    mode.setValue(known.isEmpty() ? BY_LIST : BY_SERVICE);
    service.setItems(known.stream().map(s -> s.name() + ":" + s.version()).toList());
    service.setId("training-service");
    service.setWidth("24em");
    featureList.setItems(features.featureReferences());
    featureList.setId("training-features");
    featureList.setWidth("36em");
    mode.addValueChangeListener(e -> showMode());
    showMode();
    description.setId("training-description");
    description.setWidth("36em");
    description.setMaxLength(4000);
    Upload upload =
        new Upload(
            UploadHandler.toTempFile((metadata, file) -> ui.access(() -> read(file.toPath()))));
    upload.setId("entity-rows-upload");
    upload.setAcceptedFileTypes("text/csv", ".csv");
    upload.setMaxFiles(1);
    rowsStatus.setId("entity-rows-status");
    build.setId("build-training-set");
    build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    build.setEnabled(false);
    build.addClickListener(e -> start());
    bar.setVisible(false);
    bar.setId("training-progress");
    status.setId("training-status");
    result.setPadding(false);
    add(
        mode,
        service,
        featureList,
        description,
        new Span(
            "Entity rows: a CSV with event_timestamp (ISO-8601), the join keys of the chosen"
                + " features' entities, and any other columns (labels, request data), which pass"
                + " through."),
        upload,
        rowsStatus,
        build,
        bar,
        status,
        result);
  }

  private void showMode() {
    boolean byService = BY_SERVICE.equals(mode.getValue());
    service.setVisible(byService);
    featureList.setVisible(!byService);
  }

  private void read(java.nio.file.Path file) {
    try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows = new EntityRowsReader(MAX_ROWS).fromCsv(csv);
      rowsStatus.setText(
          rows.size()
              + " entity rows, columns: event_timestamp, "
              + String.join(", ", rows.columns()));
      build.setEnabled(true);
    } catch (RowsRejectedException e) {
      rows = null;
      rowsStatus.setText(
          "Rejected: "
              + String.join("; ", e.problems().stream().limit(5).map(Object::toString).toList()));
      build.setEnabled(false);
    } catch (IllegalArgumentException e) {
      rows = null;
      rowsStatus.setText("Rejected: " + e.getMessage());
      build.setEnabled(false);
    } catch (IOException e) {
      rows = null;
      rowsStatus.setText("The upload could not be read: " + e.getMessage());
      build.setEnabled(false);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the rows are already in memory or rejected
      }
    }
  }

  private void start() {
    boolean byService = BY_SERVICE.equals(mode.getValue());
    List<FeatureRef> refs =
        byService
            ? List.of()
            : featureList.getSelectedItems().stream()
                .sorted()
                .map(r -> FeatureRef.parse("features", r))
                .toList();
    String from =
        VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
    try {
      TrainingSets.Accepted accepted =
          trainingSets.create(
              new TrainingSets.Request(
                  refs, byService ? service.getValue() : null, rows, description.getValue()),
              user,
              null,
              from);
      build.setEnabled(false);
      follow(accepted);
    } catch (DomainValidationException e) {
      status.setText("Refused: " + e.getMessage());
    }
  }

  private void follow(TrainingSets.Accepted accepted) {
    bar.setVisible(true);
    bar.setValue(0);
    result.removeAll();
    result.add(
        new com.vaadin.flow.router.RouterLink(
            "Open snapshot " + accepted.trainingSet().id(),
            TrainingSetDetailView.class,
            new RouteParameters("id", accepted.trainingSet().id())));
    show(accepted.job());
    ui.setPollInterval(500);
    polling = ui.addPollListener(e -> jobs.find(accepted.job().id()).ifPresent(this::show));
  }

  private void show(Job job) {
    bar.setValue(job.progress());
    status.setText(
        switch (job.state()) {
          case QUEUED -> "Queued…";
          case RUNNING -> "Building: " + job.message();
          case SUCCEEDED -> "Done: " + job.result().get("rows") + " rows.";
          case FAILED -> "Failed: " + job.error();
        });
    if (job.state().isFinished() && polling != null) {
      polling.remove();
      polling = null;
      ui.setPollInterval(-1);
      build.setEnabled(rows != null);
    }
  }
}
