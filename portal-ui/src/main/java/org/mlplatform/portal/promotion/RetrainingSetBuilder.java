package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    List<Integer> kept = new ArrayList<>();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).role() != TrainingColumn.Role.FEATURE) {
        kept.add(i);
        csv.append(kept.size() > 1 ? "," : "").append(quote(columns.get(i).name()));
      }
    }
    csv.append('\n');
    Set<TrainingColumn.Role> stamped = Set.of(TrainingColumn.Role.EVENT_TIMESTAMP);
    try (InputStream in = files.open(set.id())) {
      CsvRecordReader reader =
          new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
      reader.next(); // header
      List<String> record;
      while ((record = reader.next()) != null) {
        for (int k = 0; k < kept.size(); k++) {
          int column = kept.get(k);
          String value =
              stamped.contains(columns.get(column).role()) ? asOf.toString() : record.get(column);
          csv.append(k > 0 ? "," : "").append(quote(value));
        }
        csv.append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvRecordReader.MalformedCsvException e) {
      throw new IllegalStateException("training set " + set.id() + " is not valid CSV", e);
    }
    return new EntityRowsReader(MAX_ROWS).fromCsv(new StringReader(csv.toString()));
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
    return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
