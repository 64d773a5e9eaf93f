package org.mlplatform.persistence.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;

/** A row of {@code training_set}; the structured parts are JSON written by {@link SnapshotJson}. */
@Entity
@Table(name = "training_set")
class TrainingSetRecord {

  @Id private String id;

  @Column(nullable = false)
  private String description;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TrainingSetState state;

  @Column(name = "feature_service")
  private String featureService;

  @Column(name = "row_count", nullable = false)
  private long rowCount;

  @Column(name = "first_event_time")
  private Instant firstEventTime;

  @Column(name = "last_event_time")
  private Instant lastEventTime;

  private String sha256;

  @Column(name = "job_id")
  private String jobId;

  private String error;

  @Column(name = "lineage_json", nullable = false)
  private String lineageJson;

  @Column(name = "columns_json", nullable = false)
  private String columnsJson;

  @Column(name = "statistics_json", nullable = false)
  private String statisticsJson;

  protected TrainingSetRecord() {}

  static TrainingSetRecord from(TrainingSet set) {
    TrainingSetRecord record = new TrainingSetRecord();
    record.id = set.id();
    record.update(set);
    return record;
  }

  void update(TrainingSet set) {
    description = set.description();
    createdBy = set.createdBy() == null ? "" : set.createdBy();
    createdAt = set.createdAt();
    state = set.state();
    featureService = set.featureService();
    rowCount = set.rowCount();
    firstEventTime = set.firstEventTime();
    lastEventTime = set.lastEventTime();
    sha256 = set.sha256();
    jobId = set.jobId();
    error = set.error() == null ? null : clip(set.error(), 4000);
    lineageJson = SnapshotJson.lineage(set);
    columnsJson = SnapshotJson.columns(set.columns());
    statisticsJson = SnapshotJson.statistics(set.statistics());
  }

  TrainingSet toTrainingSet() {
    SnapshotJson.Lineage lineage = SnapshotJson.lineage(lineageJson);
    return new TrainingSet(
        id,
        description,
        createdBy,
        createdAt,
        state,
        lineage.features(),
        featureService,
        lineage.viewVersions(),
        lineage.derivedExpressions(),
        SnapshotJson.columns(columnsJson),
        rowCount,
        firstEventTime,
        lastEventTime,
        sha256,
        SnapshotJson.statistics(statisticsJson),
        jobId,
        error);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
