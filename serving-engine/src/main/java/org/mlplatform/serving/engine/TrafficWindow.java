package org.mlplatform.serving.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-second request counts, errors and latency percentiles of one deployment over the last five
 * minutes, for the portal's live chart. Latencies go into log-scale buckets (four per doubling, so
 * a percentile is off by at most 19%), which keeps recording to two atomic increments.
 */
public final class TrafficWindow {

  /** One second of traffic; latencies in microseconds, zero when nothing was served. */
  public record Point(Instant second, long requests, long errors, long p50Micros, long p99Micros) {}

  static final int SECONDS = 300;
  private static final int BUCKETS = 80;
  private static final int REQUESTS = BUCKETS;
  private static final int ERRORS = BUCKETS + 1;

  private final Clock clock;
  private final AtomicLongArray slotSecond = new AtomicLongArray(SECONDS);
  private final AtomicLongArray[] slots = new AtomicLongArray[SECONDS];

  public TrafficWindow(Clock clock) {
    this.clock = clock;
    for (int i = 0; i < SECONDS; i++) {
      slots[i] = new AtomicLongArray(BUCKETS + 2);
      slotSecond.set(i, -1);
    }
  }

  void served(long nanos) {
    AtomicLongArray slot = current();
    slot.incrementAndGet(REQUESTS);
    slot.incrementAndGet(bucket(nanos / 1_000));
  }

  void failed() {
    current().incrementAndGet(ERRORS);
  }

  /** The last {@code seconds} seconds, oldest first, the current (incomplete) second excluded. */
  public List<Point> recent(int seconds) {
    long now = clock.millis() / 1_000;
    int span = Math.min(seconds, SECONDS - 1);
    List<Point> points = new ArrayList<>(span);
    for (long second = now - span; second < now; second++) {
      int index = (int) Math.floorMod(second, SECONDS);
      AtomicLongArray slot = slots[index];
      boolean live = slotSecond.get(index) == second;
      Instant at = Instant.ofEpochSecond(second);
      points.add(live ? point(at, slot) : new Point(at, 0, 0, 0, 0));
    }
    return points;
  }

  private static Point point(Instant at, AtomicLongArray slot) {
    long requests = slot.get(REQUESTS);
    return new Point(
        at,
        requests,
        slot.get(ERRORS),
        percentile(slot, requests, 0.50),
        percentile(slot, requests, 0.99));
  }

  private static long percentile(AtomicLongArray slot, long requests, double quantile) {
    if (requests == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(quantile * requests);
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += slot.get(b);
      if (seen >= rank) {
        return upperBoundMicros(b);
      }
    }
    return upperBoundMicros(BUCKETS - 1);
  }

  private AtomicLongArray current() {
    long second = clock.millis() / 1_000;
    int index = (int) Math.floorMod(second, SECONDS);
    AtomicLongArray slot = slots[index];
    if (slotSecond.get(index) != second) {
      synchronized (slot) {
        if (slotSecond.get(index) != second) {
          for (int i = 0; i < slot.length(); i++) {
            slot.set(i, 0);
          }
          slotSecond.set(index, second);
        }
      }
    }
    return slot;
  }

  static int bucket(long micros) {
    if (micros <= 1) {
      return 0;
    }
    int bucket = (int) Math.ceil(4 * Math.log(micros) / Math.log(2));
    return Math.min(bucket, BUCKETS - 1);
  }

  static long upperBoundMicros(int bucket) {
    return Math.round(Math.pow(2, bucket / 4.0));
  }
}
