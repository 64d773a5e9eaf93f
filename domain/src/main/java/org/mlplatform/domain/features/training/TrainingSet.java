package org.mlplatform.domain.features.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.stats.ColumnStatistics;

/**
 * An immutable training-set snapshot: what was asked for, what it was built from (the lineage
 * models point at) and, once ready, its shape, content hash and per-column statistics (the
 * monitoring baseline). Only the move from {@code BUILDING} to {@code READY} or {@code FAILED}
 * changes it.
 *
 * @param featureService the feature service asked for, as {@code name:version}, or null
 * @param viewVersions the feature view versions read, by view name
 * @param derivedExpressions the expressions of derived features used, by {@code view:feature}
 * @param sha256 the hex SHA-256 of the CSV content
 */
public record TrainingSet(
    String id,
    String description,
    String createdBy,
    Instant createdAt,
    TrainingSetState state,
    List<String> features,
    String featureService,
    Map<String, Integer> viewVersions,
    Map<String, String> derivedExpressions,
    List<TrainingColumn> columns,
    long rowCount,
    Instant firstEventTime,
    Instant lastEventTime,
    String sha256,
    List<ColumnStatistics> statistics,
    String jobId,
    String error) {

  public TrainingSet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
    description = description == null ? "" : description;
    features = List.copyOf(features);
    viewVersions = Map.copyOf(viewVersions);
    derivedExpressions = Map.copyOf(derivedExpressions);
    columns = columns == null ? List.of() : List.copyOf(columns);
    statistics = statistics == null ? List.of() : List.copyOf(statistics);
  }

  /** A snapshot whose build has just been accepted. */
  public static TrainingSet building(
      String id,
      String description,
      String createdBy,
      Instant createdAt,
      TrainingSetPlan plan,
      String featureService,
      String jobId) {
    return new TrainingSet(
        id,
        description,
        createdBy,
        createdAt,
        TrainingSetState.BUILDING,
        plan.features().stream().map(Object::toString).toList(),
        featureService,
        plan.viewVersions(),
        plan.derivedExpressions(),
        List.of(),
        0,
        null,
        null,
        null,
        List.of(),
        jobId,
        null);
  }

  /** This snapshot, built. */
  public TrainingSet ready(
      List<TrainingColumn> builtColumns,
      long rows,
      Instant first,
      Instant last,
      String contentHash,
      List<ColumnStatistics> columnStatistics) {
    requireBuilding();
    return new TrainingSet(
        id,
        description,
        createdBy,
        createdAt,
        TrainingSetState.READY,
        features,
        featureService,
        viewVersions,
        derivedExpressions,
        builtColumns,
        rows,
        first,
        last,
        contentHash,
        columnStatistics,
        jobId,
        null);
  }

  /** This snapshot, failed for a reason a user can act on. */
  public TrainingSet failed(String reason) {
    requireBuilding();
    return new TrainingSet(
        id,
        description,
        createdBy,
        createdAt,
        TrainingSetState.FAILED,
        features,
        featureService,
        viewVersions,
        derivedExpressions,
        List.of(),
        0,
        null,
        null,
        null,
        List.of(),
        jobId,
        reason);
  }

  private void requireBuilding() {
    if (state != TrainingSetState.BUILDING) {
      throw new IllegalStateException("training set " + id + " is already " + state);
    }
  }
}
