package org.mlplatform.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Issue 4's registry benchmark against a running platform, over REST as alice: the time to register
 * a 25 MB model (upload, inspection by ONNX Runtime, encryption, database), then, with a model of N
 * versions (default 10,000, registered from tiny distinct ONNX files by 4 callers), the latency of
 * listing a page of versions at a random offset, of reading one version, and of searching the
 * models by name, each for a fixed time at concurrency 1 over a keep-alive connection.
 *
 * <p>Arguments: base URL, token URL, the large model file, versions, seconds per phase (defaults:
 * http://localhost:8080, the local Keycloak, serving-engine's unpacked all-MiniLM-L6-v2 (23 MB),
 * 10000, 20), then optionally {@code model=<name>} to measure the reads of a model registered by an
 * earlier run (it must have at least that many versions).
 */
public final class RegistryLoadDriver {

  private static final Logger LOG = Logger.getLogger(RegistryLoadDriver.class.getName());
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int LARGE_RUNS = 5;
  private static final int REGISTERING_CALLERS = 4;

  private final HttpClient http;
  private final String base;
  private final RenewingToken tokens;

  private RegistryLoadDriver(HttpClient http, String base, String tokenUrl) {
    this.http = http;
    this.base = base;
    this.tokens = new RenewingToken(http, tokenUrl);
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String tokenUrl =
        args.length > 1
            ? args[1]
            : "http://localhost:8180/realms/mlp/protocol/openid-connect/token";
    Path large =
        Path.of(
            args.length > 2
                ? args[2]
                : "../serving-engine/target/third-party-models/all-minilm-l6-v2-q.onnx");
    int versions = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    RegistryLoadDriver driver = new RegistryLoadDriver(http, base, tokenUrl);
    String run = Long.toString(System.nanoTime(), 36);

    String existing = args.length > 5 && args[5].startsWith("model=") ? args[5].substring(6) : null;
    String model = existing != null ? existing : "bench_registry_" + run;
    if (existing == null) {
      driver.registerLarge("bench_registry_large_" + run, Files.readAllBytes(large));
      driver.registerMany(model, versions);
    }
    driver.measure(
        "list a page of 50 versions at a random offset",
        seconds,
        i ->
            "/api/v1/models/"
                + model
                + "/versions?limit=50&offset="
                + ThreadLocalRandom.current().nextInt(Math.max(1, versions - 50)));
    driver.measure(
        "read one version",
        seconds,
        i ->
            "/api/v1/models/"
                + model
                + "/versions/"
                + (1 + ThreadLocalRandom.current().nextInt(versions)));
    driver.measure(
        "search models by name", seconds, i -> "/api/v1/models?q=bench_registry&limit=50");
  }

  private void registerLarge(String model, byte[] file) throws Exception {
    createModel(model);
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < LARGE_RUNS; i++) {
      long t0 = System.nanoTime();
      int status = upload(model, file);
      seconds.add((System.nanoTime() - t0) / 1e9);
      if (status != 201) {
        throw new IllegalStateException("registering the large model answered " + status);
      }
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    LOG.info(
        String.format(
            Locale.ROOT,
            "registering a %.1f MB model, %d times: median %.2f s, min %.2f s, max %.2f s",
            file.length / 1e6,
            LARGE_RUNS,
            sorted.get(sorted.size() / 2),
            sorted.getFirst(),
            sorted.getLast()));
  }

  private void registerMany(String model, int versions) throws Exception {
    createModel(model);
    AtomicInteger next = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(REGISTERING_CALLERS);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < REGISTERING_CALLERS; c++) {
        done.add(
            callers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < versions; i = next.getAndIncrement()) {
                    int status = upload(model, TinyOnnx.identity(4, "bench-" + i));
                    if (status != 201) {
                      throw new IllegalStateException("registering answered " + status);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      callers.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    LOG.info(
        String.format(
            Locale.ROOT,
            "registered %,d small versions with %d callers in %.1f s = %.0f per second",
            versions,
            REGISTERING_CALLERS,
            seconds,
            versions / seconds));
  }

  private void measure(String what, int seconds, IntFunction<String> path) throws Exception {
    Histogram latencies = new Histogram(MAX_NANOS, 3);
    long errors = 0;
    try (KeepAliveConnection connection = new KeepAliveConnection(URI.create(base))) {
      long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds / 2));
      long end = warmUpEnd + TimeUnit.SECONDS.toNanos(seconds);
      for (int i = 0; System.nanoTime() < end; i++) {
        String bearer = tokens.current();
        connection.reopenIfClosing();
        long t0 = System.nanoTime();
        int status = connection.get(path.apply(i), bearer).status();
        long took = System.nanoTime() - t0;
        if (t0 > warmUpEnd) {
          latencies.recordValue(Math.min(took, MAX_NANOS));
          errors += status == 200 ? 0 : 1;
        }
      }
    }
    LOG.info(
        String.format(
            Locale.ROOT,
            "%s: %,d calls; latency ms p50 %.3f, p90 %.3f, p99 %.3f, max %.3f; errors %d",
            what,
            latencies.getTotalCount(),
            latencies.getValueAtPercentile(50) / 1e6,
            latencies.getValueAtPercentile(90) / 1e6,
            latencies.getValueAtPercentile(99) / 1e6,
            latencies.getMaxValue() / 1e6,
            errors));
  }

  private void createModel(String model) throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/models"))
                .header("Authorization", "Bearer " + tokens.current())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + model + "\",\"description\":\"benchmark\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("creating " + model + ": " + created.body());
    }
  }

  private int upload(String model, byte[] file) throws Exception {
    String boundary = "bench-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.onnx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/models/" + model + "/versions"))
                .header("Authorization", "Bearer " + tokens.current())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .timeout(Duration.ofSeconds(300))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
