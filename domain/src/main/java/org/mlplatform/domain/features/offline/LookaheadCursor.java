package org.mlplatform.domain.features.offline;

import java.util.NoSuchElementException;

/**
 * A {@link CloseableIterator} over a source that may skip rows: subclasses fetch one row at a time
 * and say when the source has ended; the cursor closes itself then, releasing its resource as soon
 * as the last row is read.
 */
public abstract class LookaheadCursor<T> implements CloseableIterator<T> {

  private T next;
  private boolean ended;

  /**
   * The source's next row, or null to skip one; calls {@link #end()} and returns null when there
   * are no more rows. Failures are thrown unchecked; the cursor closes before passing them on.
   */
  protected abstract T fetch();

  /** Marks the source as read to its end. */
  protected final void end() {
    ended = true;
  }

  @Override
  public final boolean hasNext() {
    try {
      while (next == null && !ended) {
        next = fetch();
      }
    } catch (RuntimeException e) {
      ended = true;
      close();
      throw e;
    }
    if (next == null) {
      close();
      return false;
    }
    return true;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = next;
    next = null;
    return row;
  }
}
