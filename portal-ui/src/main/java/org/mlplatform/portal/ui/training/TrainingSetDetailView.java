package org.mlplatform.portal.ui.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.domain.io.SpreadsheetSafeCsv;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.PersonalFeatures;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.charts.StatisticsPanel;
import org.mlplatform.portal.ui.features.FeatureViewDetailView;

/**
 * One training-set snapshot: what it was built from (the lineage a model will point at), its
 * columns, per-column statistics with charts, and the download; while it builds, its progress.
 */
@Route("training-sets/:id")
@PageTitle("Training set | MLP")
@PermitAll
@Dependent
public class TrainingSetDetailView extends VerticalLayout implements BeforeEnterObserver {

  private final TrainingSets trainingSets;
  private final TrainingSetFiles files;
  private final JobRepository jobs;
  private final PersonalFeatures personal;
  private Registration polling;

  @Inject
  public TrainingSetDetailView(
      TrainingSets trainingSets,
      TrainingSetFiles files,
      JobRepository jobs,
      PersonalFeatures personal) {
    this.trainingSets = trainingSets;
    this.files = files;
    this.jobs = jobs;
    this.personal = personal;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String id = event.getRouteParameters().get("id").orElse("");
    Optional<TrainingSet> set = find(id);
    if (set.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    show(set.get());
  }

  private Optional<TrainingSet> find(String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return trainingSets.find(id);
  }

  private void show(TrainingSet set) {
    removeAll();
    H2 title = new H2("Training set " + set.id().substring(0, 8));
    title.setId("training-set-title");
    Span state = new Span(set.state().name());
    state.setId("training-set-state");
    add(
        title,
        new Paragraph(set.description().isBlank() ? "No description." : set.description()),
        new HorizontalLayout(new Span("State:"), state),
        new Paragraph(
            "Created "
                + Times.format(set.createdAt())
                + " by "
                + set.createdBy()
                + " · id "
                + set.id()));
    switch (set.state()) {
      case BUILDING -> follow(set);
      case FAILED -> add(new Paragraph("Failed: " + set.error()));
      case READY -> showReady(set);
    }
    add(new H3("Lineage"), lineage(set));
  }

  private void showReady(TrainingSet set) {
    PlatformUser reader = CurrentUser.get();
    Optional<String> refusal = personal.downloadRefusal(set, reader);
    Component download = refusal.isPresent() ? new Span(refusal.get()) : downloadLink(set);
    download.setId("training-set-download");
    add(
        new Paragraph(
            set.rowCount()
                + " rows from "
                + Times.format(set.firstEventTime())
                + " to "
                + Times.format(set.lastEventTime())
                + " · SHA-256 "
                + set.sha256()),
        download,
        new H3("Columns"),
        columns(set),
        new H3("Statistics"),
        new StatisticsPanel(personal.statisticsSeenBy(set, reader)));
  }

  /**
   * Spreadsheet-safe, as people open it in a spreadsheet: formulas in text cells get a leading
   * {@code '}. The stored file (the SHA-256 above) is {@code ?raw=true} on the REST download.
   */
  private Anchor downloadLink(TrainingSet set) {
    String id = set.id();
    DownloadHandler safeCsv =
        event -> {
          event.setFileName("training-set-" + id + ".csv");
          event.setContentType("text/csv");
          try (InputStream in = files.open(id);
              OutputStream out = event.getOutputStream()) {
            new SpreadsheetSafeCsv().rewrite(in, out);
          }
        };
    return new Anchor(safeCsv, "Download CSV");
  }

  private VerticalLayout lineage(TrainingSet set) {
    VerticalLayout lineage = new VerticalLayout();
    lineage.setPadding(false);
    if (set.featureService() != null) {
      lineage.add(new Span("Feature service " + set.featureService()));
    }
    for (Map.Entry<String, Integer> view : set.viewVersions().entrySet()) {
      HorizontalLayout line =
          new HorizontalLayout(
              new Span("Feature view"),
              new RouterLink(
                  view.getKey(),
                  FeatureViewDetailView.class,
                  new RouteParameters("name", view.getKey())),
              new Span("version " + view.getValue()));
      lineage.add(line);
    }
    set.derivedExpressions()
        .forEach((feature, expression) -> lineage.add(new Span(feature + " = " + expression)));
    return lineage;
  }

  private static Grid<TrainingColumn> columns(TrainingSet set) {
    Grid<TrainingColumn> grid = new Grid<>();
    grid.setId("training-columns-grid");
    grid.addColumn(TrainingColumn::name).setHeader("Column").setAutoWidth(true);
    grid.addColumn(TrainingColumn::type).setHeader("Type").setAutoWidth(true);
    grid.addColumn(TrainingColumn::role).setHeader("Role").setAutoWidth(true);
    grid.addColumn(c -> c.feature() == null ? "" : c.feature()).setHeader("Feature").setFlexGrow(1);
    grid.setItems(set.columns());
    grid.setAllRowsVisible(true);
    return grid;
  }

  private void follow(TrainingSet set) {
    ProgressBar bar = new ProgressBar(0, 1);
    bar.setId("training-progress");
    Span status = new Span("Building…");
    add(bar, status);
    UI ui = UI.getCurrent();
    ui.setPollInterval(500);
    polling =
        ui.addPollListener(
            e -> {
              jobs.find(set.jobId())
                  .ifPresent(
                      job -> {
                        bar.setValue(job.progress());
                        status.setText(job.message() == null ? "Building…" : job.message());
                      });
              trainingSets
                  .find(set.id())
                  .filter(t -> t.state() != TrainingSetState.BUILDING)
                  .ifPresent(
                      done -> {
                        polling.remove();
                        ui.setPollInterval(-1);
                        show(done);
                      });
            });
  }
}
