package org.mlplatform.domain.features.offline;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;

/**
 * Typed, append-mostly storage of every feature row of every view version: the history that
 * training sets join against and that materialisation reads the latest values from.
 *
 * <p>Rows are identified by (entity key, event time): writing a row again replaces its values
 * instead of adding a duplicate, so an upload can be retried safely. Event times are kept to the
 * microsecond (finer digits are truncated), in UTC. Time bounds of reads may be anything, {@link
 * Instant#MIN} and {@link Instant#MAX} included, for open-ended ranges.
 *
 * <p>Reading a view version that was never written gives no rows rather than an error.
 * Implementations manage their own transactions; call them outside a container transaction.
 */
public interface OfflineStore {

  /** Creates the table of a view version unless it exists. Safe to call on every ingest. */
  void ensureTable(OfflineTable table);

  /**
   * Writes rows in one transaction: all of them or, if anything fails, none. A row whose key and
   * event time are already stored (or repeat within {@code rows}) replaces the earlier values.
   *
   * <p>An exception thrown by {@code rows} itself (for example a parser that found invalid input)
   * rolls the transaction back and reaches the caller unchanged.
   *
   * @param progress told the number of rows handed to the database so far, every few thousand
   * @return the number of rows taken from {@code rows}
   */
  long write(OfflineTable table, Iterator<FeatureRow> rows, LongConsumer progress);

  /**
   * Every stored row with event time at or before {@code upTo}, ordered by entity key and then
   * ascending event time (what people browsing a view expect to see).
   */
  CloseableIterator<Observation> scan(OfflineTable table, Instant upTo);

  /**
   * Every stored row with event time in {@code [from, upTo]} that {@code filter} wants, in whatever
   * order the store reads fastest (for the order-independent {@link
   * org.mlplatform.domain.features.AsOfJoin}).
   */
  CloseableIterator<Observation> scanRange(
      OfflineTable table, Instant from, Instant upTo, RowFilter filter);

  /**
   * Like {@link #scanRange(OfflineTable, Instant, Instant, RowFilter)}, restricted to the given
   * entities.
   */
  CloseableIterator<Observation> scanRange(
      OfflineTable table, Set<EntityKey> keys, Instant from, Instant upTo, RowFilter filter);

  /**
   * For each entity with rows in {@code [from, to)}, its row with the newest event time in that
   * range; ordered by entity key. Consecutive ranges sharing a bound see every row once.
   */
  CloseableIterator<Observation> latestPerEntity(OfflineTable table, Instant from, Instant to);

  /** The number of stored rows of a view version; 0 when its table does not exist yet. */
  long count(OfflineTable table);

  /**
   * The table's rows indexed for point-in-time lookups, current as of this call (no write committed
   * since the index was made), when the store keeps such an index. A store without one answers
   * empty, and readers scan instead.
   *
   * @param buildIfStale whether to make the index now when there is no current one: a read of the
   *     whole table, worth it when the caller would otherwise scan the whole table anyway
   */
  default Optional<HistoryIndex> history(OfflineTable table, boolean buildIfStale) {
    return Optional.empty();
  }
}
