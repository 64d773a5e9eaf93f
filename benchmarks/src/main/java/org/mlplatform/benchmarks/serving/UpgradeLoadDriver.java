package org.mlplatform.benchmarks.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.mlplatform.benchmarks.DriverArgs;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * Predictions through the balancer while an operator replaces the nodes behind it (a rolling
 * upgrade, {@code deployment/rehearse-rolling-upgrade.sh}): {@code clients} callers send {@code
 * /v2} requests back to back for {@code seconds} and count the answers by status. A request whose
 * connection nginx closed as it reloaded is sent once more on a new connection, as HTTP clients do,
 * and counted as a reconnect; a second failure counts as status -1. Prints the counts and the
 * longest time no caller got a 200. The model is the serving benchmark's ({@value
 * PlatformSetup#MODEL}): run that benchmark once first.
 */
public final class UpgradeLoadDriver {

  private final URI base;
  private final RenewingToken tokens;
  private final byte[] body =
      MinimalOip.requestBody(BenchInputs.fixedRow(), SyntheticLogisticRegression.FEATURES);
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong lastSuccess = new AtomicLong(System.nanoTime());
  private final LongAccumulator longestGap = new LongAccumulator(Math::max, 0);

  private UpgradeLoadDriver(URI base, RenewingToken tokens) {
    this.base = base;
    this.tokens = tokens;
  }

  public static void main(String[] args) throws Exception {
    DriverArgs parsed = DriverArgs.parse(args);
    long seconds = Long.parseLong(parsed.options().getOrDefault("seconds", "240"));
    int clients = Integer.parseInt(parsed.options().getOrDefault("clients", "4"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    UpgradeLoadDriver driver =
        new UpgradeLoadDriver(parsed.base(), new RenewingToken(http, parsed.tokenUrl().toString()));
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Thread[] callers = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      callers[c] = Thread.ofPlatform().start(() -> driver.call(until));
    }
    for (Thread caller : callers) {
      caller.join();
    }
    driver.report(seconds, clients);
  }

  private void call(long until) {
    KeepAliveConnection connection = null;
    while (System.nanoTime() < until) {
      int status;
      try {
        if (connection == null) {
          connection = new KeepAliveConnection(base);
        }
        connection.reopenIfClosing();
        status = send(connection);
      } catch (IOException | RuntimeException first) {
        reconnects.incrementAndGet();
        connection = closeQuietly(connection);
        try {
          connection = new KeepAliveConnection(base);
          status = send(connection);
        } catch (IOException | RuntimeException second) {
          connection = closeQuietly(connection);
          status = -1;
        }
      }
      statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
      if (status == 200) {
        long now = System.nanoTime();
        longestGap.accumulate(now - lastSuccess.getAndSet(now));
      }
    }
    closeQuietly(connection);
  }

  private int send(KeepAliveConnection connection) throws IOException {
    try {
      return connection.postJson(PlatformSetup.INFER_PATH, tokens.current(), body).status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static KeepAliveConnection closeQuietly(KeepAliveConnection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // already broken: nothing to release
      }
    }
    return null;
  }

  private void report(long seconds, int clients) {
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.get()));
    System.out.printf(
        "%d clients for %d s: answers by status %s, %d sent again on a new connection, longest"
            + " time without a 200: %d ms%n",
        clients, seconds, counts, reconnects.get(), longestGap.get() / 1_000_000);
  }
}
