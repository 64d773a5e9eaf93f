package org.mlplatform.serving.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;

/**
 * Writes every prediction to the store asynchronously, in batches. Serving only offers to a bounded
 * queue and never waits: when the queue is full, or the store fails, the predictions are counted as
 * dropped instead of slowing callers down. The JSON of inputs and outputs is built on the writer
 * thread, not on the request path. A batch is written when it is full or {@code flushEvery} after
 * its first prediction, whichever comes first.
 */
public final class PredictionLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PredictionLog.class.getName());
  private static final int BATCH = 1_000;
  private static final long LOOK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final PredictionLogStore store;
  private final BlockingQueue<LoggedPrediction> queue;
  private final LongAdder written = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final Duration flushEvery;
  private final Thread writer;
  private volatile boolean closing;

  public PredictionLog(
      PredictionLogStore store, int capacity, Duration flushEvery, ThreadFactory threads) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.flushEvery = flushEvery;
    this.writer = threads.newThread(this::drain);
    writer.setName("mlp-prediction-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues one prediction; never blocks. */
  public void offer(LoggedPrediction prediction) {
    if (closing || !queue.offer(prediction)) {
      dropped.increment();
    }
  }

  public long written() {
    return written.sum();
  }

  public long dropped() {
    return dropped.sum();
  }

  public int queued() {
    return queue.size();
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    List<LoggedPrediction> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        // At most a second between looks at closing, however long the window.
        LoggedPrediction first =
            queue.poll(Math.min(flushEvery.toMillis(), 1_000), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          collect(batch);
          write(batch);
        } else if (closing) {
          return;
        }
      } catch (InterruptedException e) {
        queue.drainTo(batch);
        write(batch);
        return;
      }
    }
  }

  /**
   * Gathers a batch for at most {@code flushEvery} after its first record, sleeping between looks
   * rather than waiting on the queue. A writer woken by every offer made each request pay a wake-up
   * and, at low concurrency, the database a transaction per prediction: CPU that serving shares.
   */
  private void collect(List<LoggedPrediction> batch) throws InterruptedException {
    long deadline = System.nanoTime() + flushEvery.toNanos();
    queue.drainTo(batch, BATCH - batch.size());
    while (batch.size() < BATCH && !closing) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(left, LOOK_EVERY_NANOS));
      queue.drainTo(batch, BATCH - batch.size());
    }
  }

  private void write(List<LoggedPrediction> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<PredictionRecord> records = new ArrayList<>(batch.size());
      for (LoggedPrediction prediction : batch) {
        records.add(prediction.toRecord());
      }
      store.append(records);
      written.add(batch.size());
    } catch (RuntimeException e) {
      dropped.add(batch.size());
      LOG.log(Level.WARNING, "dropped " + batch.size() + " logged predictions: " + e.getMessage());
    } finally {
      batch.clear();
    }
  }
}
