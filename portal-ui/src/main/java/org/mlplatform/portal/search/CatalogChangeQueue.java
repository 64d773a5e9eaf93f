package org.mlplatform.portal.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Committed changes waiting for the indexer's thread. The same item changed twice before the thread
 * gets to it is indexed once, because the thread reads the item's current state anyway. At most one
 * drain is due at a time; the queue starts held, so changes committed while the platform starts
 * wait until the index is open and rebuilt.
 */
final class CatalogChangeQueue {

  private final Set<CatalogChanged> pending = new LinkedHashSet<>();
  private boolean drainDue = true;

  /** Queues a change; {@code true} when the caller must start a drain (none is due). */
  synchronized boolean add(CatalogChanged change) {
    pending.add(change);
    if (drainDue) {
      return false;
    }
    drainDue = true;
    return true;
  }

  /** The changes queued so far, oldest first; empty, and the drain over, when there are none. */
  synchronized List<CatalogChanged> next() {
    if (pending.isEmpty()) {
      drainDue = false;
      return List.of();
    }
    List<CatalogChanged> batch = List.copyOf(pending);
    pending.clear();
    return batch;
  }

  /** Whether no change waits and no drain is due: the index has caught up with what it was told. */
  synchronized boolean isIdle() {
    return pending.isEmpty() && !drainDue;
  }
}
