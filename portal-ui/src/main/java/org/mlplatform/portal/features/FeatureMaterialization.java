package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.online.OnlineStore;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.persistence.online.JdbcMaterializationLog;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.cluster.ClusterOutbox;
import org.mlplatform.portal.jobs.JobRunner;

/**
 * Loads the latest value per entity from the offline store into the online store, as a job. By
 * default the whole history up to now is read, which also catches late-arriving rows; an
 * incremental run starts where the last run of the view version stopped (by event time, as Feast
 * does). Values never move back in time, so overlapping or repeated runs are harmless.
 */
@ApplicationScoped
public class FeatureMaterialization {

  @Inject private FeatureStoreService features;
  @Inject private OfflineStore offline;
  @Inject private OnlineStore online;
  @Inject private ClusterOutbox cluster;
  @Inject private JdbcMaterializationLog log;
  @Inject private JobRunner jobs;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * Queues a materialization of {@code [start, end)}; without an end, up to now; without a start,
   * from the beginning, or from the last run's end when {@code incremental}.
   */
  public Job materialize(
      ResourceName viewName,
      Instant start,
      Instant end,
      boolean incremental,
      PlatformUser actor,
      HttpServletRequest request) {
    FeatureViewDefinition view = features.latestView(viewName);
    OfflineTable table =
        OfflineTable.of(view, view.entities().stream().map(features::entity).toList());
    Instant to = end == null ? clock.instant() : end;
    Instant from =
        start != null
            ? start
            : incremental
                ? log.lastMaterializedUntil(view.name(), view.version()).orElse(Instant.MIN)
                : Instant.MIN;
    if (!from.isBefore(to)) {
      throw new DomainValidationException("start", "start must be before end");
    }
    String target = "feature_view:" + view.name() + ":v" + view.version();
    audit.record(
        actor,
        "feature_view.materialize",
        target,
        "from " + from + " to " + to,
        Outcome.SUCCESS,
        request);
    return jobs.submit(
        "materialize",
        target,
        actor,
        progress -> {
          online.ensureTable(table);
          long written;
          try (CloseableIterator<Observation> latest = offline.latestPerEntity(table, from, to)) {
            written = online.materialize(table, latest);
          }
          cluster.onlineTableChanged(table.tableName());
          log.record(
              new JdbcMaterializationLog.Run(
                  view.name(), view.version(), to, written, clock.instant()));
          return Map.of(
              "rows",
              written,
              "view",
              view.name().value(),
              "version",
              view.version(),
              "until",
              to.toString());
        });
  }
}
