package org.mlplatform.benchmarks;

import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;

/** Adds up the time spent inside the store's cursors. */
final class TimingStore implements OfflineStore {
  final OfflineStore delegate;
  long nanos;

  TimingStore(OfflineStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void ensureTable(OfflineTable table) {
    delegate.ensureTable(table);
  }

  @Override
  public long write(OfflineTable table, Iterator<FeatureRow> rows, LongConsumer progress) {
    return delegate.write(table, rows, progress);
  }

  @Override
  public CloseableIterator<Observation> scan(OfflineTable table, Instant upTo) {
    return timed(() -> delegate.scan(table, upTo));
  }

  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Instant from, Instant upTo, RowFilter filter) {
    return timed(() -> delegate.scanRange(table, from, upTo, filter));
  }

  @Override
  public CloseableIterator<Observation> scanRange(
      OfflineTable table, Set<EntityKey> keys, Instant from, Instant upTo, RowFilter filter) {
    return timed(() -> delegate.scanRange(table, keys, from, upTo, filter));
  }

  @Override
  public CloseableIterator<Observation> latestPerEntity(
      OfflineTable table, Instant from, Instant to) {
    return delegate.latestPerEntity(table, from, to);
  }

  @Override
  public long count(OfflineTable table) {
    return delegate.count(table);
  }

  CloseableIterator<Observation> timed(Supplier<CloseableIterator<Observation>> opening) {
    long start = System.nanoTime();
    CloseableIterator<Observation> cursor = opening.get();
    nanos += System.nanoTime() - start;
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        long s = System.nanoTime();
        boolean more = cursor.hasNext();
        nanos += System.nanoTime() - s;
        return more;
      }

      @Override
      public Observation next() {
        long s = System.nanoTime();
        Observation next = cursor.next();
        nanos += System.nanoTime() - s;
        return next;
      }

      @Override
      public void close() {
        cursor.close();
      }
    };
  }
}
