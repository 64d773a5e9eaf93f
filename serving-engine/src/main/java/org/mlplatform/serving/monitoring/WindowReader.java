package org.mlplatform.serving.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;

/**
 * Fills a window from the prediction log: the newest records of the time range, of one version,
 * their input rows as features and their outputs as predictions. Records of other versions, and
 * records whose input is not the version's {@code [rows, features]} tensor, are passed over.
 */
public final class WindowReader {

  private final MonitoredVersion model;
  private final LoggedPredictions predictions;

  public WindowReader(MonitoredVersion model, LoggedPredictions predictions) {
    this.model = model;
    this.predictions = predictions;
  }

  /** What a read found. */
  public record Read(long records, long unreadable) {}

  /** Records handed from the reading thread to the parsing one at a time. */
  private static final int BATCH = 1_024;

  /** The end of the records: an empty batch. */
  private static final List<PredictionRecord> END = List.of();

  /**
   * As {@link #read(PredictionLogStore, Instant, Instant, int, WindowColumns)}, with the records'
   * JSON parsed on a thread of {@code threads} while this one reads on from the database: the two
   * take about as long as each other, so a window fills in about half the time on two cores.
   *
   * @throws IllegalStateException when interrupted
   */
  public Read read(
      PredictionLogStore log,
      Instant from,
      Instant to,
      int limit,
      WindowColumns window,
      ThreadFactory threads) {
    int version = model.id().number();
    int width = model.features().size();
    BlockingQueue<List<PredictionRecord>> queue = new ArrayBlockingQueue<>(8);
    long[] unreadable = {0};
    RuntimeException[] parserFailure = {null};
    Thread parser =
        threads.newThread(
            () -> {
              try {
                for (List<PredictionRecord> batch = queue.take();
                    !batch.isEmpty();
                    batch = queue.take()) {
                  for (PredictionRecord record : batch) {
                    if (record.version() == version
                        && !window.full()
                        && !add(record, width, window)) {
                      unreadable[0]++;
                    }
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                parserFailure[0] = e;
                queue.clear(); // the reader must not block on a queue nobody drains
              }
            });
    parser.start();
    var pending =
        new Object() {
          List<PredictionRecord> batch = new ArrayList<>(BATCH);
        };
    long records;
    try {
      records =
          log.scan(
              model.id().model().value(),
              from,
              to,
              limit,
              record -> {
                pending.batch.add(record);
                if (pending.batch.size() == BATCH) {
                  hand(queue, pending.batch, parser);
                  pending.batch = new ArrayList<>(BATCH);
                }
              });
      if (!pending.batch.isEmpty()) {
        hand(queue, pending.batch, parser);
      }
    } finally {
      if (parser.isAlive()) {
        hand(queue, END, parser);
      }
      join(parser);
    }
    if (parserFailure[0] != null) {
      throw parserFailure[0];
    }
    return new Read(records, unreadable[0]);
  }

  /** Queues a batch unless the parser has stopped (after a failure it reads no more). */
  private static void hand(
      BlockingQueue<List<PredictionRecord>> queue, List<PredictionRecord> batch, Thread parser) {
    try {
      while (parser.isAlive()) {
        if (queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      parser.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the prediction log", e);
    }
  }

  private static void join(Thread parser) {
    try {
      parser.join();
    } catch (InterruptedException e) {
      parser.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the prediction log", e);
    }
  }

  public Read read(
      PredictionLogStore log, Instant from, Instant to, int limit, WindowColumns window) {
    int version = model.id().number();
    int width = model.features().size();
    long[] unreadable = {0};
    long records =
        log.scan(
            model.id().model().value(),
            from,
            to,
            limit,
            record -> {
              if (record.version() != version || window.full()) {
                return;
              }
              if (!add(record, width, window)) {
                unreadable[0]++;
              }
            });
    return new Read(records, unreadable[0]);
  }

  private boolean add(PredictionRecord record, int width, WindowColumns window) {
    double[] inputs = LoggedJson.numbers(record.inputs(), model.input(), width);
    if (inputs == null || inputs.length == 0 || width == 0 || inputs.length % width != 0) {
      return false;
    }
    int rows = inputs.length / width;
    if (window.predictionKind() == PredictionKind.LABEL) {
      String[] labels = predictions.labels(record.outputs(), rows);
      for (int r = 0; r < rows; r++) {
        if (!window.addLabelled(inputs, r * width, labels[r])) {
          break;
        }
      }
    } else {
      double[] values = predictions.values(record.outputs(), rows);
      for (int r = 0; r < rows; r++) {
        if (!window.addValued(inputs, r * width, values[r])) {
          break;
        }
      }
    }
    return true;
  }
}
