package org.mlplatform.domain.features.offline;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A forward-only iterator over rows that holds a resource (a database cursor and its connection)
 * until closed. Use it in try-with-resources; closing twice is harmless.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  /** Releases the underlying resource without a checked exception. */
  @Override
  void close();

  /** An iterator that holds nothing to release, as one. */
  static <T> CloseableIterator<T> of(Iterator<T> iterator) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public T next() {
        return iterator.next();
      }

      @Override
      public void close() {}
    };
  }

  /** The remaining rows as a sequential stream whose {@code close()} closes this iterator. */
  default Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }
}
