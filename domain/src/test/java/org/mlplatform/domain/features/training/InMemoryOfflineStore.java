package org.mlplatform.domain.features.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.LookaheadCursor;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;

/** The offline store's contract in memory: rows keyed by (entity, event time), last write wins. */
final class InMemoryOfflineStore implements OfflineStore {

  private final Map<String, Map<String, FeatureRow>> tables = new HashMap<>();
  private boolean indexes;
  final List<Boolean> historyAsked = new ArrayList<>();
  int scans;

  /** From now on, offers an index of a table only when asked to build one or after it did. */
  InMemoryOfflineStore indexing() {
    indexes = true;
    return this;
  }

  private final Set<String> indexed = new HashSet<>();

  @Override
  public Optional<HistoryIndex> history(OfflineTable table, boolean buildIfStale) {
    historyAsked.add(buildIfStale);
    if (!indexes || !buildIfStale && !indexed.contains(table.tableName())) {
      return Optional.empty();
    }
    indexed.add(table.tableName());
    Map<EntityKey, TreeMap<Instant, Observation>> byKey = new HashMap<>();
    for (FeatureRow row : rows(table)) {
      byKey
          .computeIfAbsent(row.key(), k -> new TreeMap<>())
          .put(row.eventTime(), row.toObservation());
    }
    return Optional.of(
        (key, asOf) -> {
          TreeMap<Instant, Observation> times = byKey.get(key);
          Map.Entry<Instant, Observation> entry = times == null ? null : times.floorEntry(asOf);
          return entry == null ? null : entry.getValue();
        });
  }

  @Override
  public void ensureTable(OfflineTable table) {
    tables.computeIfAbsent(table.tableName(), t -> new LinkedHashMap<>());
  }

  @Override
  public long write(OfflineTable table, Iterator<FeatureRow> rows, LongConsumer progress) {
    ensureTable(table);
    long count = 0;
    while (rows.hasNext()) {
      FeatureRow row = rows.next();
      tables.get(table.tableName()).put(row.key() + "@" + row.eventTime(), row);
      count++;
    }
    return count;
  }

  @Override
  public CloseableIterator<Observation> scan(OfflineTable table, Instant upTo) {
    return iterate(rows(table).stream().filter(r -> !r.eventTime().isAfter(upTo)).toList());
  }

  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Instant from, Instant upTo, RowFilter filter) {
    return scanRange(table, null, from, upTo, filter);
  }

  /**
   * Newest first, so that tests also cover a store that does not sort; the filter is asked lazily,
   * as the contract says.
   */
  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Set<EntityKey> keys, Instant from, Instant upTo, RowFilter filter) {
    scans++;
    Iterator<FeatureRow> it =
        rows(table).reversed().stream()
            .filter(r -> keys == null || keys.contains(r.key()))
            .filter(r -> !r.eventTime().isBefore(from) && !r.eventTime().isAfter(upTo))
            .iterator();
    return new LookaheadCursor<>() {
      @Override
      protected Observation fetch() {
        if (!it.hasNext()) {
          end();
          return null;
        }
        FeatureRow row = it.next();
        return filter.wants(row.key(), row.eventTime()) ? row.toObservation() : null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CloseableIterator<Observation> latestPerEntity(
      OfflineTable table, Instant from, Instant to) {
    throw new UnsupportedOperationException("not needed by training sets");
  }

  @Override
  public long count(OfflineTable table) {
    return rows(table).size();
  }

  private List<FeatureRow> rows(OfflineTable table) {
    List<FeatureRow> rows =
        new ArrayList<>(tables.getOrDefault(table.tableName(), Map.of()).values());
    rows.sort(
        Comparator.comparing((FeatureRow r) -> r.key().toString())
            .thenComparing(FeatureRow::eventTime));
    return rows;
  }

  private static CloseableIterator<Observation> iterate(List<FeatureRow> rows) {
    return CloseableIterator.of(rows.stream().map(FeatureRow::toObservation).iterator());
  }
}
