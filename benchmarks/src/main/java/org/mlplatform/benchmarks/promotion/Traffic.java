package org.mlplatform.benchmarks.promotion;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * Predictions running throughout: {@code clients} threads, each on its own blocking keep-alive
 * connection, POST the same one-row body to {@code /v2/models/{m}/infer} back to back (a closed
 * loop, no pause). Each records, for every answer, its arrival ({@link System#nanoTime()} right
 * after the answer was read) and the {@code model_version} it names; any answer other than a 200
 * naming a version, and any broken connection, is a failure, kept with what came back.
 */
final class Traffic implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Traffic.class.getName());
  private static final byte[] VERSION_KEY =
      "\"model_version\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int FAILURES_KEPT = 20;

  /**
   * Every answer of the run, merged: arrival in nanoseconds and the version that answered, by
   * index; {@code failures} counts the failed calls, {@code failureSamples} the first few.
   */
  record Answers(
      long[] arrivals,
      int[] versions,
      long failures,
      List<String> failureSamples,
      long startedNanos,
      long stoppedNanos) {

    int size() {
      return arrivals.length;
    }

    double seconds() {
      return (stoppedNanos - startedNanos) / 1e9;
    }
  }

  private final URI base;
  private final String path;
  private final RenewingToken tokens;
  private final byte[] body;
  private final List<Caller> callers = new ArrayList<>();
  private final ExecutorService threads;
  private volatile boolean running = true;
  private long startedNanos;

  /** Opens one connection per client and starts them all. */
  Traffic(URI base, String model, RenewingToken tokens, byte[] body, int clients)
      throws IOException, InterruptedException {
    this.base = base;
    this.path = "/v2/models/" + model + "/infer";
    this.tokens = tokens;
    this.body = body.clone();
    tokens.current();
    for (int c = 0; c < clients; c++) {
      callers.add(new Caller(new KeepAliveConnection(base)));
    }
    threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("promotion-client-", 0).factory());
    startedNanos = System.nanoTime();
    callers.forEach(caller -> threads.execute(caller::run));
  }

  /** Whether every client's latest answer came from {@code version}. */
  boolean allAnswer(int version) {
    return callers.stream().allMatch(c -> c.latest == version);
  }

  /** Whether every client has had an answer since {@code nanos}. */
  boolean allAnsweredSince(long nanos) {
    return callers.stream().allMatch(c -> c.latestAt - nanos > 0);
  }

  /** Answers so far, across clients. */
  long answered() {
    return callers.stream().mapToLong(c -> c.count).sum();
  }

  /** Stops the clients, waits for their last calls, and returns everything they recorded. */
  Answers stop() throws InterruptedException {
    running = false;
    threads.shutdown();
    if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the clients did not stop within 2 minutes");
    }
    long stopped = System.nanoTime();
    int total = callers.stream().mapToInt(c -> c.count).sum();
    long[] arrivals = new long[total];
    int[] versions = new int[total];
    int at = 0;
    long failures = 0;
    List<String> samples = new ArrayList<>();
    for (Caller caller : callers) {
      System.arraycopy(caller.arrivals, 0, arrivals, at, caller.count);
      System.arraycopy(caller.versions, 0, versions, at, caller.count);
      at += caller.count;
      failures += caller.failures;
      samples.addAll(caller.failureSamples);
    }
    return new Answers(
        arrivals,
        versions,
        failures,
        List.copyOf(samples.subList(0, Math.min(samples.size(), FAILURES_KEPT))),
        startedNanos,
        stopped);
  }

  /** Stops the clients if {@link #stop()} did not, and closes their connections. */
  @Override
  public void close() {
    running = false;
    threads.shutdown();
    try {
      threads.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Caller caller : callers) {
      try {
        caller.connection.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a client connection", e);
      }
    }
  }

  /** One client: its connection and what it recorded, written by its thread only. */
  private final class Caller {

    private KeepAliveConnection connection;
    private long[] arrivals = new long[1 << 16];
    private int[] versions = new int[1 << 16];
    private volatile int count;
    private volatile int latest = -1;
    private volatile long latestAt = Long.MIN_VALUE;
    private long failures;
    private final List<String> failureSamples = new ArrayList<>();

    Caller(KeepAliveConnection connection) {
      this.connection = connection;
    }

    void run() {
      while (running) {
        try {
          connection.reopenIfClosing();
          KeepAliveConnection.Answer answer = connection.postJson(path, tokens.current(), body);
          long arrived = System.nanoTime();
          int version = answer.status() == 200 ? version(answer.body()) : -1;
          if (version < 0) {
            fail(arrived, answer.status() + " " + answer.text());
          } else {
            record(arrived, version);
          }
        } catch (IOException | RuntimeException e) {
          fail(System.nanoTime(), e.toString());
          reconnect();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void record(long arrived, int version) {
      int n = count;
      if (n == arrivals.length) {
        arrivals = Arrays.copyOf(arrivals, n * 2);
        versions = Arrays.copyOf(versions, n * 2);
      }
      arrivals[n] = arrived;
      versions[n] = version;
      latest = version;
      latestAt = arrived;
      count = n + 1;
    }

    private void fail(long at, String what) {
      failures++;
      if (failureSamples.size() < FAILURES_KEPT) {
        failureSamples.add(
            String.format(
                java.util.Locale.ROOT,
                "%.3f s into the run: %s",
                (at - startedNanos) / 1e9,
                what.length() > 300 ? what.substring(0, 300) + "..." : what));
      }
    }

    private void reconnect() {
      try {
        connection.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a broken connection", e);
      }
      while (running) {
        try {
          connection = new KeepAliveConnection(base);
          return;
        } catch (IOException e) {
          fail(System.nanoTime(), "reconnecting: " + e);
          try {
            Thread.sleep(100);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** The number in {@code "model_version":"<n>"}, or -1 when the answer names none. */
  static int version(byte[] json) {
    outer:
    for (int i = 0; i <= json.length - VERSION_KEY.length; i++) {
      for (int k = 0; k < VERSION_KEY.length; k++) {
        if (json[i + k] != VERSION_KEY[k]) {
          continue outer;
        }
      }
      int value = 0;
      int digits = 0;
      for (int j = i + VERSION_KEY.length; j < json.length && json[j] != '"'; j++) {
        if (json[j] < '0' || json[j] > '9' || digits == 9) {
          return -1;
        }
        value = value * 10 + (json[j] - '0');
        digits++;
      }
      return digits == 0 ? -1 : value;
    }
    return -1;
  }
}
