package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.FeatureIngestion;

/**
 * Uploads a CSV file into a feature view. The browser shows the transfer; once the file is here an
 * ingestion job runs and this panel follows its progress by polling until it ends.
 */
class CsvUploadPanel extends VerticalLayout {

  private final JobRepository jobs;
  private final UI ui;
  private final ProgressBar bar = new ProgressBar(0, 1);
  private final Span status = new Span();
  private Registration polling;

  CsvUploadPanel(
      ResourceName view, FeatureIngestion ingestion, JobRepository jobs, PlatformUser user, UI ui) {
    this.jobs = jobs;
    this.ui = ui;
    setPadding(false);
    Upload upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) -> {
                  String from =
                      VaadinRequest.getCurrent() == null
                          ? null
                          : VaadinRequest.getCurrent().getRemoteAddr();
                  Job job =
                      ingestion.ingestFile(
                          view, FeatureIngestion.Format.CSV, file.toPath(), user, from);
                  ui.access(() -> follow(job));
                }));
    upload.setId("csv-upload");
    upload.setAcceptedFileTypes("text/csv", ".csv");
    upload.setMaxFiles(1);
    bar.setVisible(false);
    bar.setId("ingest-progress");
    status.setId("ingest-status");
    add(
        new Span(
            "A CSV file with a header: the join keys, event_timestamp (ISO-8601) and any features."),
        upload,
        bar,
        status);
  }

  private void follow(Job job) {
    bar.setVisible(true);
    show(job);
    ui.setPollInterval(500);
    polling = ui.addPollListener(e -> jobs.find(job.id()).ifPresent(this::show));
  }

  private void show(Job job) {
    bar.setValue(job.progress());
    status.setText(
        switch (job.state()) {
          case QUEUED -> "Queued…";
          case RUNNING -> "Writing: " + job.message();
          case SUCCEEDED -> "Done: " + job.result().get("accepted") + " rows accepted.";
          case FAILED -> "Rejected: " + job.error();
        });
    if (job.state().isFinished() && polling != null) {
      polling.remove();
      polling = null;
      ui.setPollInterval(-1);
    }
  }
}
