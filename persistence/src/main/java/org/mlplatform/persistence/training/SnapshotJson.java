package org.mlplatform.persistence.training;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.stats.ColumnStatistics;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;

/**
 * The JSON documents of a snapshot row: lineage, columns and statistics, read and written whole.
 */
final class SnapshotJson {

  /** What a snapshot was built from. */
  public record Lineage(
      List<String> features,
      Map<String, Integer> viewVersions,
      Map<String, String> derivedExpressions) {}

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type COLUMNS =
      new ArrayList<TrainingColumn>() {}.getClass().getGenericSuperclass();
  private static final Type STATISTICS =
      new ArrayList<ColumnStatistics>() {}.getClass().getGenericSuperclass();

  private SnapshotJson() {}

  static String lineage(TrainingSet set) {
    return JSON.toJson(new Lineage(set.features(), set.viewVersions(), set.derivedExpressions()));
  }

  static Lineage lineage(String json) {
    return JSON.fromJson(json, Lineage.class);
  }

  static String columns(List<TrainingColumn> columns) {
    return JSON.toJson(columns, COLUMNS);
  }

  static List<TrainingColumn> columns(String json) {
    return JSON.fromJson(json, COLUMNS);
  }

  static String statistics(List<ColumnStatistics> statistics) {
    return JSON.toJson(statistics, STATISTICS);
  }

  static List<ColumnStatistics> statistics(String json) {
    return JSON.fromJson(json, STATISTICS);
  }
}
