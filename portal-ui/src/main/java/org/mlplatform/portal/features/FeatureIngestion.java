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
import java.util.function.LongConsumer;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.ingest.FeatureRowParser;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.jobs.JobRunner;

/**
 * Ingestion of feature rows into the offline store. Rows are validated while they stream into one
 * write transaction, so a bad row rejects the whole upload and nothing is half-written; re-sent
 * rows replace themselves. Small uploads answer at once; large ones are spooled to the data
 * directory and written by a job whose progress callers can follow.
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

  /** Spools an upload to disk and writes it in a job; returns the queued job. */
  public Job ingestLater(
      ResourceName viewName,
      Format format,
      InputStream body,
      PlatformUser actor,
      HttpServletRequest request) {
    OfflineTable table = table(viewName);
    Path spool = spool(body);
    audit.record(
        actor,
        "feature_view.ingest",
        target(table),
        "upload of " + size(spool) + " bytes queued",
        Outcome.SUCCESS,
        request);
    return writeInJob(table, format, spool, actor);
  }

  /**
   * Writes a file that is already on this machine (a portal upload) in a job; the file is moved
   * into the data directory's upload folder and deleted when the job ends.
   */
  public Job ingestFile(
      ResourceName viewName, Format format, Path file, PlatformUser actor, String clientAddress) {
    OfflineTable table = table(viewName);
    Path spool = spoolFile(file);
    audit.record(
        actor,
        "feature_view.ingest",
        target(table),
        "portal upload of " + size(spool) + " bytes queued",
        Outcome.SUCCESS,
        null,
        clientAddress);
    return writeInJob(table, format, spool, actor);
  }

  /** Rows stored in the view's newest version. */
  public long rowCount(ResourceName viewName) {
    return offline.count(table(viewName));
  }

  private Job writeInJob(OfflineTable table, Format format, Path spool, PlatformUser actor) {
    long bytes = size(spool);
    return jobs.submit(
        "ingest",
        target(table),
        actor,
        progress -> {
          try (InputStream in = Files.newInputStream(spool)) {
            CountingInputStream counted = new CountingInputStream(in);
            long accepted =
                write(
                    table,
                    format,
                    counted,
                    rows ->
                        progress.report(
                            bytes == 0 ? 0 : (double) counted.count() / bytes,
                            rows + " rows written"));
            return Map.of(
                "accepted", accepted, "view", table.view().value(), "version", table.version());
          } finally {
            Files.deleteIfExists(spool);
          }
        });
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

  private Path spool(InputStream body) {
    try {
      Path folder = Files.createDirectories(settings.dataDir().resolve("uploads"));
      Path file = Files.createTempFile(folder, "upload-", ".part");
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool the upload", e);
    }
  }

  private Path spoolFile(Path file) {
    try {
      Path folder = Files.createDirectories(settings.dataDir().resolve("uploads"));
      Path target = Files.createTempFile(folder, "upload-", ".part");
      return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the upload", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
