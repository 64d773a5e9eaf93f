package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.ingest.FeatureRowParser;
import org.mlplatform.domain.features.ingest.SpooledUpload;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.io.CountingInputStream;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.jobs.JobRunner;

/**
 * Ingestion of feature rows into the offline store. Rows are validated while they stream into one
 * write transaction, so a bad row rejects the whole upload and nothing is half-written; re-sent
 * rows replace themselves. Small uploads answer at once; large ones are spooled to the data
 * directory and written by a job whose progress callers can follow. The job reads the spool while
 * the upload is still arriving, so receiving, parsing and writing overlap.
 */
@ApplicationScoped
public class FeatureIngestion {

  /** The formats an upload can come in. */
  public enum Format {
    JSON,
    CSV
  }

  @Inject private FeatureStoreService features;
  @Inject private OfflineStore offline;
  @Inject private JobRunner jobs;
  @Inject private AuditRecorder audit;
  @Inject private PlatformSettings settings;

  /** Writes an upload now and returns the number of rows accepted. */
  public long ingestNow(
      ResourceName viewName,
      Format format,
      InputStream body,
      PlatformUser actor,
      HttpServletRequest request) {
    OfflineTable table = table(viewName);
    long accepted = write(table, format, body, n -> {});
    audit.record(
        actor,
        "feature_view.ingest",
        target(table),
        "accepted " + accepted + " rows",
        Outcome.SUCCESS,
        request);
    return accepted;
  }

  /**
   * Spools an upload to disk and writes it in a job; returns the queued job. The job starts at once
   * and reads the upload while it is still arriving, so parsing and writing overlap with receiving;
   * if the upload breaks off, the job fails and stores nothing.
   */
  public Job ingestLater(
      ResourceName viewName,
      Format format,
      InputStream body,
      PlatformUser actor,
      HttpServletRequest request) {
    OfflineTable table = table(viewName);
    SpooledUpload upload = newUpload();
    Job job;
    try {
      job = writeInJob(table, format, upload, actor);
    } catch (RuntimeException | Error e) {
      closeQuietly(upload, e);
      throw e;
    }
    long bytes;
    try {
      bytes = upload.receive(body);
    } catch (IOException e) {
      audit.record(
          actor,
          "feature_view.ingest",
          target(table),
          "upload interrupted after " + upload.received() + " bytes; job " + job.id() + " fails",
          Outcome.FAILED,
          request);
      throw new UncheckedIOException("cannot spool the upload", e);
    }
    audit.record(
        actor,
        "feature_view.ingest",
        target(table),
        "upload of " + bytes + " bytes queued",
        Outcome.SUCCESS,
        request);
    return job;
  }

  /**
   * Writes a file that is already on this machine (a portal upload) in a job; the file is moved
   * into the data directory's upload folder and deleted when the job ends.
   */
  public Job ingestFile(
      ResourceName viewName, Format format, Path file, PlatformUser actor, String clientAddress) {
    OfflineTable table = table(viewName);
    SpooledUpload upload = spoolFile(file);
    audit.record(
        actor,
        "feature_view.ingest",
        target(table),
        "portal upload of " + upload.received() + " bytes queued",
        Outcome.SUCCESS,
        null,
        clientAddress);
    try {
      return writeInJob(table, format, upload, actor);
    } catch (RuntimeException | Error e) {
      closeQuietly(upload, e);
      throw e;
    }
  }

  /** Rows stored in the view's newest version. */
  public long rowCount(ResourceName viewName) {
    return offline.count(table(viewName));
  }

  private Job writeInJob(
      OfflineTable table, Format format, SpooledUpload upload, PlatformUser actor) {
    return jobs.submit(
        "ingest",
        target(table),
        actor,
        progress -> {
          try (upload;
              InputStream in = upload.reader()) {
            CountingInputStream counted = new CountingInputStream(in);
            long accepted =
                write(
                    table,
                    format,
                    counted,
                    rows -> progress.report(fraction(upload, counted), message(upload, rows)));
            return Map.of(
                "accepted", accepted, "view", table.view().value(), "version", table.version());
          } catch (RuntimeException e) {
            throw interrupted(e).orElse(e);
          }
        });
  }

  /**
   * Bytes parsed over the upload's size; 0 while the upload is still arriving (its size is not
   * known yet), so the fraction never goes back.
   */
  private static double fraction(SpooledUpload upload, CountingInputStream counted) {
    long size = upload.received();
    return upload.isComplete() && size > 0 ? Math.min(1, (double) counted.count() / size) : 0;
  }

  private static String message(SpooledUpload upload, long rows) {
    return rows
        + " rows written"
        + (upload.isComplete() ? "" : "; receiving the upload (" + upload.received() + " bytes)");
  }

  /** An upload that broke off, as a failure the job reports in its own words. */
  private static Optional<RuntimeException> interrupted(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SpooledUpload.UploadInterruptedException e) {
        return Optional.of(
            new DomainValidationException("body", e.getMessage() + "; nothing was stored"));
      }
    }
    return Optional.empty();
  }

  private long write(OfflineTable table, Format format, InputStream body, LongConsumer progress) {
    offline.ensureTable(table);
    Iterator<FeatureRow> rows =
        switch (format) {
          case JSON -> FeatureRowParser.fromMaps(table, new JsonRows(body));
          case CSV -> FeatureRowParser.fromCsv(table, reader(body));
        };
    return offline.write(table, rows, progress);
  }

  private OfflineTable table(ResourceName viewName) {
    FeatureViewDefinition view = features.latestView(viewName);
    return OfflineTable.of(view, view.entities().stream().map(features::entity).toList());
  }

  private static String target(OfflineTable table) {
    return "feature_view:" + table.view() + ":v" + table.version();
  }

  private static Reader reader(InputStream body) {
    return new InputStreamReader(body, StandardCharsets.UTF_8);
  }

  private SpooledUpload newUpload() {
    try {
      return SpooledUpload.create(uploads());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool the upload", e);
    }
  }

  private SpooledUpload spoolFile(Path file) {
    try {
      Path target = Files.createTempFile(uploads(), "upload-", ".part");
      return SpooledUpload.ofCompleteFile(
          Files.move(file, target, StandardCopyOption.REPLACE_EXISTING));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the upload", e);
    }
  }

  private Path uploads() throws IOException {
    return Files.createDirectories(settings.sharedDir().resolve("uploads"));
  }

  private static void closeQuietly(SpooledUpload upload, Throwable failure) {
    try {
      upload.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
