package org.mlplatform.portal.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.portal.serving.AliasMoved;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.CatalogIndex;

/**
 * Keeps the catalogue index in step with the database.
 *
 * <p>At start ({@link #start}) it compares the index's stored fingerprint with the database's and
 * rebuilds the index when they differ. Afterwards it observes {@link CatalogChanged} and {@link
 * AliasMoved} only after their transaction committed, so a rolled-back change never reaches the
 * index, and queues them: the observer returns at once and the request never waits for the index.
 * One thread of its own applies the queue, reading each item again in a fresh transaction, so
 * changes land in commit order; the index's refresh makes them visible within a second.
 *
 * <p>Once the queue is empty it stores the catalogue's fingerprint with the index, so the next
 * start skips the rebuild. The fingerprint follows each applied change in memory; nothing is read
 * again for it. A change that could not be applied leaves the fingerprint stale for the rest of the
 * run, and the next start rebuilds.
 */
@ApplicationScoped
public class CatalogIndexer {

  private static final Logger LOG = Logger.getLogger(CatalogIndexer.class.getName());

  /** Attempts per change: a database that is briefly unavailable should not cost the change. */
  private static final int ATTEMPTS = 3;

  @Resource private ManagedThreadFactory threads;
  @Inject private CatalogDocuments documents;

  private final CatalogChangeQueue queue = new CatalogChangeQueue();
  private volatile CatalogIndex index;
  private CatalogFingerprint fingerprint; // the worker's, once start has handed it over
  private volatile boolean stale;
  private ExecutorService worker;

  /**
   * Rebuilds {@code opened} from the database when its fingerprint is not the database's (missing
   * or deleted folder, changes while the platform was down, a new index schema), then applies the
   * changes that committed meanwhile and every later one. Runs on the start-up thread.
   *
   * @return how many documents the index holds and whether it was rebuilt, for readiness
   */
  public String start(CatalogIndex opened) {
    List<CatalogDocument> all = documents.all();
    CatalogFingerprint current = CatalogFingerprint.over(all, CatalogIndex.SCHEMA_VERSION);
    String detail;
    if (opened.isCurrent(current.value())) {
      detail = opened.documentCount() + " documents, up to date";
    } else {
      opened.rebuild(all);
      opened.markCurrent(current.value());
      detail = all.size() + " documents, rebuilt from the database";
    }
    fingerprint = current;
    index = opened;
    worker().execute(this::drain); // releases the queue, held until now
    return detail;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
    enqueue(change);
  }

  /** Another node committed a change: its documents are re-read here as for a local one. */
  public void changedElsewhere(CatalogChanged change) {
    enqueue(change);
  }

  /** Promotions and alias edits move aliases, which the model's and versions' documents carry. */
  void aliasMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasMoved moved) {
    enqueue(CatalogChanged.model(moved.model()));
  }

  private void enqueue(CatalogChanged change) {
    if (queue.add(change)) {
      try {
        worker().execute(this::drain);
      } catch (RejectedExecutionException e) {
        LOG.fine(() -> "the application is stopping; " + change + " is not indexed");
      }
    }
  }

  private void drain() {
    boolean applied = false;
    for (List<CatalogChanged> batch = queue.next(); !batch.isEmpty(); batch = queue.next()) {
      batch.forEach(this::apply);
      applied = true;
    }
    if (applied) {
      markCurrent();
    }
  }

  private void apply(CatalogChanged change) {
    for (int attempt = 1; ; attempt++) {
      try {
        IndexChange indexChange = documents.changed(change);
        indexChange.applyTo(index);
        fingerprint.apply(indexChange);
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          stale = true;
          LOG.log(Level.SEVERE, "could not index " + change + "; the next start rebuilds", e);
          return;
        }
        LOG.log(Level.WARNING, "indexing " + change + " failed; trying again", e);
        pause(attempt);
      }
    }
  }

  /**
   * Stores the fingerprint of what the index now holds once it has caught up. A change committed
   * meanwhile is indexed (and marked) by the next drain; only a crash in that instant leaves it out
   * until the item changes again.
   */
  private void markCurrent() {
    if (stale) {
      return;
    }
    try {
      if (queue.isIdle()) {
        index.markCurrent(fingerprint.value());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not store the catalogue's fingerprint with the index", e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(1_000L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One thread from the container's factory, so it can open transactions. */
  private synchronized ExecutorService worker() {
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(threads);
    }
    return worker;
  }

  @PreDestroy
  synchronized void stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }
}
