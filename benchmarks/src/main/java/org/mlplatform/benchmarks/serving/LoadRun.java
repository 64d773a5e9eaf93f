package org.mlplatform.benchmarks.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * One measured level: {@code concurrency} callers, each on its own thread with its own {@link
 * Client} (and so its own connection), call back to back (a closed loop) through a warm-up and then
 * a measured window. Only the call is timed; preparing it and checking its answer are not, but
 * every answer is checked, and the first wrong one stops the level and fails it.
 */
final class LoadRun {

  private static final Logger LOG = Logger.getLogger(LoadRun.class.getName());

  /** Longest latency the histogram keeps exactly (longer ones are clamped): 60 s. */
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** One caller's means of calling the target; used from one thread. */
  interface Client<A> extends AutoCloseable {

    /** Untimed work before a call: pick the input, renew the token, reopen a closed connection. */
    default void prepare() throws Exception {}

    /** The timed call. */
    A call() throws Exception;

    /**
     * Fails unless the answer is right; untimed.
     *
     * @throws IllegalStateException naming what was wrong
     */
    void check(A answer);

    @Override
    default void close() throws Exception {}
  }

  /** Opens one client per caller, on the caller's thread. */
  @FunctionalInterface
  interface Clients {
    Client<?> open() throws Exception;
  }

  /**
   * What a level measured.
   *
   * @param latencies of the calls started in the measured window, in nanoseconds
   */
  record Measured(Target target, int concurrency, Histogram latencies, Duration window) {

    long requests() {
      return latencies.getTotalCount();
    }

    double perSecond() {
      return requests() / (window.toNanos() / 1e9);
    }

    double millis(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1e6;
    }
  }

  private LoadRun() {}

  static Measured run(
      Target target, Clients clients, int concurrency, Duration warmUp, Duration measure)
      throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(concurrency);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2]; // published to the callers by go
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Histogram all = new Histogram(MAX_NANOS, 3);
    try (ExecutorService callers =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("bench-" + target.id() + "-", 0).factory())) {
      List<Future<Histogram>> results = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        results.add(callers.submit(() -> caller(clients, ready, go, window, failure)));
      }
      while (!ready.await(100, TimeUnit.MILLISECONDS) && failure.get() == null) {
        // waits until every caller has its connection, or one failed to open it
      }
      window[0] = System.nanoTime() + warmUp.toNanos();
      window[1] = window[0] + measure.toNanos();
      go.countDown();
      for (Future<Histogram> result : results) {
        try {
          all.add(result.get());
        } catch (ExecutionException e) {
          failure.compareAndSet(null, e.getCause());
        }
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          target.label() + " at concurrency " + concurrency + " failed: " + failure.get(),
          failure.get());
    }
    Measured measured = new Measured(target, concurrency, all, measure);
    LOG.info(
        String.format(
            Locale.ROOT,
            "%s, concurrency %d: %,d calls in %d s = %,.0f per second; latency ms p50 %.4f, p90"
                + " %.4f, p99 %.4f, p99.9 %.4f, max %.3f; every answer checked",
            target.label(),
            concurrency,
            measured.requests(),
            measure.toSeconds(),
            measured.perSecond(),
            measured.millis(50),
            measured.millis(90),
            measured.millis(99),
            measured.millis(99.9),
            all.getMaxValue() / 1e6));
    return measured;
  }

  private static Histogram caller(
      Clients clients,
      CountDownLatch ready,
      CountDownLatch go,
      long[] window,
      AtomicReference<Throwable> failure)
      throws Exception {
    try (Client<?> client = clients.open()) {
      ready.countDown();
      go.await();
      return loop(client, window[0], window[1], failure);
    } catch (Exception | Error e) {
      failure.compareAndSet(null, e);
      throw e;
    }
  }

  private static <A> Histogram loop(
      Client<A> client, long measureFrom, long end, AtomicReference<Throwable> failure)
      throws Exception {
    Histogram latencies = new Histogram(MAX_NANOS, 3);
    while (failure.get() == null) {
      client.prepare();
      long t0 = System.nanoTime();
      if (t0 - end >= 0) {
        break;
      }
      A answer = client.call();
      long took = System.nanoTime() - t0;
      client.check(answer);
      if (t0 - measureFrom >= 0) {
        latencies.recordValue(Math.min(took, MAX_NANOS));
      }
    }
    return latencies;
  }
}
