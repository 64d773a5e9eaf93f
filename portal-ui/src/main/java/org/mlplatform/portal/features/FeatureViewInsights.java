package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.stats.ColumnStatistics;
import org.mlplatform.domain.features.stats.TableStatisticsCollector;
import org.mlplatform.persistence.online.JdbcMaterializationLog;

/**
 * What a feature view's page shows about its data: freshness (last ingest, last materialization),
 * sample rows, and per-feature statistics over its stored rows.
 */
@ApplicationScoped
public class FeatureViewInsights {

  /** Freshness: when rows last arrived and when the online store was last loaded. */
  public record Freshness(
      Optional<AuditEntry> lastIngest, Optional<JdbcMaterializationLog.Run> lastMaterialization) {}

  /** Statistics over (at most) the first {@code limit} stored rows; {@code capped} says if cut. */
  public record Statistics(List<ColumnStatistics> columns, long rowsRead, boolean capped) {

    /** These statistics with every column reduced to its counts, for a view of personal data. */
    public Statistics masked() {
      return new Statistics(
          columns.stream().map(ColumnStatistics::masked).toList(), rowsRead, capped);
    }
  }

  @Inject private FeatureStoreService features;
  @Inject private OfflineStore offline;
  @Inject private AuditLog audit;
  @Inject private JdbcMaterializationLog materializations;

  public Freshness freshness(FeatureViewDefinition view) {
    String target = "feature_view:" + view.name() + ":v" + view.version();
    return new Freshness(
        audit.latestSuccesses("feature_view.ingest", target, 1).stream().findFirst(),
        materializations.last(view.name(), view.version()));
  }

  /** Up to {@code limit} stored rows, in key and event-time order. */
  public List<Observation> sample(FeatureViewDefinition view, int limit) {
    List<Observation> rows = new ArrayList<>();
    try (CloseableIterator<Observation> scan = offline.scan(table(view), Instant.MAX)) {
      while (scan.hasNext() && rows.size() < limit) {
        rows.add(scan.next());
      }
    }
    return rows;
  }

  /** Per-feature statistics over the stored rows, reading at most {@code limit} of them. */
  public Statistics statistics(FeatureViewDefinition view, long limit) {
    List<FeatureDefinition> stored = view.features();
    TableStatisticsCollector collector =
        new TableStatisticsCollector(
            stored.stream()
                .map(f -> new TableStatisticsCollector.Column(f.name().value(), f.type()))
                .toList());
    long read = 0;
    boolean capped = false;
    try (CloseableIterator<Observation> scan = offline.scan(table(view), Instant.MAX)) {
      while (scan.hasNext()) {
        if (read == limit) {
          capped = true;
          break;
        }
        collector.add(scan.next().values());
        read++;
      }
    }
    return new Statistics(collector.finish(), read, capped);
  }

  private OfflineTable table(FeatureViewDefinition view) {
    return OfflineTable.of(view, view.entities().stream().map(features::entity).toList());
  }
}
