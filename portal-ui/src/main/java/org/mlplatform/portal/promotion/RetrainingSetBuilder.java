package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.ingest.CsvRecordReader;
import org.mlplatform.domain.features.ingest.EntityRowsReader;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;

/**
 * A fresh training set for a retraining: the champion's entity rows (keys and labels) stamped with
 * the retraining's moment, joined again with the same feature service (or features), so the new
 * model learns from the features as they are now.
 */
@ApplicationScoped
public class RetrainingSetBuilder {

  /** The most entity rows a retraining carries over. */
  static final int MAX_ROWS = 5_000_000;

  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles files;

  /**
   * Starts the build and returns the new set's id. The build is a job that can only see the set
   * once this transaction commits, so the process checks on it from later steps.
   */
  String rebuild(TrainingSet champions, Instant asOf, PlatformUser actor, String processId) {
    EntityRows rows = entityRows(champions, asOf);
    List<FeatureRef> features =
        champions.featureService() == null
            ? champions.features().stream().map(f -> FeatureRef.parse("features", f)).toList()
            : List.of();
    TrainingSets.Accepted accepted =
        trainingSets.create(
            new TrainingSets.Request(
                features,
                champions.featureService(),
                rows,
                "retraining "
                    + processId
                    + " from training set "
                    + champions.id()
                    + " as of "
                    + asOf),
            actor,
            processId,
            null);
    return accepted.trainingSet().id();
  }

  /** The champion's entity rows: every column but the features, with the new moment. */
  private EntityRows entityRows(TrainingSet set, Instant asOf) {
    List<TrainingColumn> columns = set.columns();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (InputStream in = files.open(set.id())) {
      CsvRecordReader reader =
          new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
      reader.next(); // header
      List<String> record;
      while ((record = reader.next()) != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          TrainingColumn column = columns.get(i);
          switch (column.role()) {
            case FEATURE -> {} // joined again as of the new moment
            case EVENT_TIMESTAMP -> row.put(column.name(), asOf.toString());
            default -> row.put(column.name(), record.get(i));
          }
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvRecordReader.MalformedCsvException e) {
      throw new IllegalStateException("training set " + set.id() + " is not valid CSV", e);
    }
    return new EntityRowsReader(MAX_ROWS).fromMaps(rows);
  }
}
