package org.mlplatform.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Issue 3's online lookup benchmark against a running platform, over REST: sets up (as alice) one
 * entity and 5 feature views of 10 FLOAT64 features each, ingests one row per entity and view,
 * materializes, then measures {@code POST /api/v1/online-features} for 1 entity x 50 features (all
 * 5 views) at each concurrency: a warm-up, then a timed phase, printing latency percentiles and
 * requests per second. The entity of each request is drawn at random, so the cache has to hold them
 * all.
 *
 * <p>Arguments: base URL, token URL, entities, seconds per phase, concurrencies (defaults:
 * http://localhost:8080, http://localhost:8180/realms/mlp/protocol/openid-connect/token, 10000, 20,
 * {@code 1,16}), then optionally {@code client=jdk} and {@code port=<n>}: the lookups go to the
 * platform's dedicated inference port ({@code MLP_SERVING_PORT}), the set-up to the base URL.
 * HTTP/1.1 with keep-alive: one connection per concurrent caller, by default a blocking {@link
 * KeepAliveConnection}, with {@code client=jdk} the JDK's HttpClient.
 */
public final class LookupLoadDriver {

  private static final Logger LOG = Logger.getLogger(LookupLoadDriver.class.getName());
  private static final int VIEWS = 5;
  private static final int FEATURES = 10;
  private static final String ENTITY = "bench_lookup_user";
  private static final String JOIN_KEY = "bench_lookup_user_id";
  private static final String LOOKUP_PATH = "/api/v1/online-features";

  /** Longest latency the histogram keeps exactly (longer ones are clamped): 60 s. */
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final HttpClient http;
  private final String base;
  private final URI lookupBase;
  private final boolean jdkClient;
  private final RenewingToken tokens;

  private LookupLoadDriver(
      HttpClient http, String base, int port, RenewingToken tokens, boolean jdkClient) {
    this.http = http;
    this.base = base;
    URI uri = URI.create(base);
    this.lookupBase =
        port > 0 ? URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port) : uri;
    this.tokens = tokens;
    this.jdkClient = jdkClient;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String tokenUrl =
        args.length > 1
            ? args[1]
            : "http://localhost:8180/realms/mlp/protocol/openid-connect/token";
    int entities = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    List<Integer> concurrencies = new ArrayList<>();
    for (String c : (args.length > 4 ? args[4] : "1,16").split(",")) {
      concurrencies.add(Integer.parseInt(c.trim()));
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    boolean jdkClient = false;
    int port = 0;
    for (int i = 5; i < args.length; i++) {
      if (args[i].equals("client=jdk")) {
        jdkClient = true;
      } else if (args[i].startsWith("port=")) {
        port = Integer.parseInt(args[i].substring(5));
      } else {
        throw new IllegalArgumentException(
            "unknown option " + args[i] + "; try client=jdk, port=N");
      }
    }
    LookupLoadDriver driver =
        new LookupLoadDriver(http, base, port, new RenewingToken(http, tokenUrl), jdkClient);

    String prefix = "bench_lookup_" + Long.toString(System.nanoTime(), 36);
    List<String> views = driver.setUp(prefix, entities);
    List<byte[]> bodies = requestBodies(views, entities);
    driver.check(bodies.getFirst());
    driver.touchAll(views, entities);

    for (int concurrency : concurrencies) {
      driver.run(bodies, concurrency, Math.max(5, seconds / 2), false);
      driver.run(bodies, concurrency, seconds, true);
    }
  }

  /** Creates the entity (once) and the views, ingests and materializes; returns the view names. */
  private List<String> setUp(String prefix, int entities) throws Exception {
    HttpResponse<String> entity =
        post(
            "/api/v1/entities",
            "{\"name\":\""
                + ENTITY
                + "\",\"joinKeys\":[{\"name\":\""
                + JOIN_KEY
                + "\",\"type\":\"INT64\"}]}");
    if (entity.statusCode() != 201 && entity.statusCode() != 409) {
      throw new IllegalStateException("creating the entity: " + entity.body());
    }
    String at = Instant.now().minus(Duration.ofHours(1)).toString();
    List<String> views = new ArrayList<>();
    for (int v = 0; v < VIEWS; v++) {
      String view = prefix + "_v" + v;
      StringBuilder features = new StringBuilder();
      StringBuilder header = new StringBuilder(JOIN_KEY + ",event_timestamp");
      for (int f = 0; f < FEATURES; f++) {
        features.append(f == 0 ? "" : ",").append("{\"name\":\"f").append(f);
        features.append("\",\"type\":\"FLOAT64\"}");
        header.append(",f").append(f);
      }
      HttpResponse<String> created =
          post(
              "/api/v1/feature-views",
              "{\"name\":\""
                  + view
                  + "\",\"entities\":[\""
                  + ENTITY
                  + "\"],\"ttlSeconds\":604800,\"features\":["
                  + features
                  + "]}");
      if (created.statusCode() != 201) {
        throw new IllegalStateException("creating view " + view + ": " + created.body());
      }
      StringBuilder csv = new StringBuilder(header).append('\n');
      for (int e = 0; e < entities; e++) {
        csv.append(e).append(',').append(at);
        for (int f = 0; f < FEATURES; f++) {
          csv.append(',').append((e * 31 + f + v * 7) % 1000 / 10.0);
        }
        csv.append('\n');
      }
      HttpResponse<String> ingested =
          http.send(
              authorized("/api/v1/feature-views/" + view + "/rows?async=true")
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      waitForJob(ingested, "ingesting into " + view);
      waitForJob(
          post("/api/v1/feature-views/" + view + "/materialize", "{}"), "materializing " + view);
      views.add(view);
    }
    LOG.info(
        String.format(
            Locale.ROOT,
            "set up %d views x %d FLOAT64 features, %,d entities (%s_v0..v%d)",
            VIEWS,
            FEATURES,
            entities,
            prefix,
            VIEWS - 1));
    return views;
  }

  /** One body per entity: 1 entity x all 50 features. */
  private static List<byte[]> requestBodies(List<String> views, int entities) {
    StringBuilder features = new StringBuilder();
    for (String view : views) {
      for (int f = 0; f < FEATURES; f++) {
        features.append(features.isEmpty() ? "" : ",").append('"').append(view);
        features.append(":f").append(f).append('"');
      }
    }
    List<byte[]> bodies = new ArrayList<>(entities);
    for (int e = 0; e < entities; e++) {
      bodies.add(
          ("{\"features\":["
                  + features
                  + "],\"entities\":{\""
                  + JOIN_KEY
                  + "\":["
                  + e
                  + "]},\"full_feature_names\":true}")
              .getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }

  /**
   * Looks every entity up once, 1,000 per request, so that the timed phases measure lookups of
   * values the platform has in memory (its online cache holds 100,000 entries), as in production
   * where the hot entities are cached; the first lookup of an entity reads the database.
   */
  private void touchAll(List<String> views, int entities) throws IOException, InterruptedException {
    StringBuilder features = new StringBuilder();
    for (String view : views) {
      for (int f = 0; f < FEATURES; f++) {
        features.append(features.isEmpty() ? "" : ",").append('"').append(view);
        features.append(":f").append(f).append('"');
      }
    }
    for (int from = 0; from < entities; from += 1_000) {
      StringBuilder ids = new StringBuilder();
      for (int e = from; e < Math.min(entities, from + 1_000); e++) {
        ids.append(e == from ? "" : ",").append(e);
      }
      HttpResponse<String> answer =
          lookup(
              ("{\"features\":["
                      + features
                      + "],\"entities\":{\""
                      + JOIN_KEY
                      + "\":["
                      + ids
                      + "]},\"full_feature_names\":true}")
                  .getBytes(StandardCharsets.UTF_8));
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("a bulk lookup answered " + answer.statusCode());
      }
    }
  }

  /** Fails unless a lookup answers 200 with every one of the 50 values present. */
  private void check(byte[] body) throws IOException, InterruptedException {
    HttpResponse<String> answer = lookup(body);
    int present = answer.body().split("\"PRESENT\"", -1).length - 1;
    if (answer.statusCode() != 200 || present != VIEWS * FEATURES + 1) {
      throw new IllegalStateException(
          "a lookup answered "
              + answer.statusCode()
              + " with "
              + present
              + " PRESENT values: "
              + answer.body());
    }
    LOG.info("one lookup answers " + answer.body().length() + " characters, all values PRESENT");
  }

  /** Runs {@code concurrency} callers for {@code seconds}; reports when {@code report}. */
  private void run(List<byte[]> bodies, int concurrency, int seconds, boolean report)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService callers = Executors.newFixedThreadPool(concurrency);
    List<Future<Result>> results = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (int c = 0; c < concurrency; c++) {
        results.add(callers.submit(() -> call(bodies, end)));
      }
      Histogram all = new Histogram(MAX_NANOS, 3);
      long errors = 0;
      for (Future<Result> result : results) {
        Result r = result.get();
        all.add(r.latencies());
        errors += r.errors();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (report) {
        LOG.info(
            String.format(
                Locale.ROOT,
                "concurrency %d: %,d lookups in %.1f s = %,.0f req/s; latency ms p50 %.3f, p90"
                    + " %.3f, p99 %.3f, p99.9 %.3f, max %.3f; errors %d",
                concurrency,
                all.getTotalCount(),
                elapsed,
                all.getTotalCount() / elapsed,
                millis(all.getValueAtPercentile(50)),
                millis(all.getValueAtPercentile(90)),
                millis(all.getValueAtPercentile(99)),
                millis(all.getValueAtPercentile(99.9)),
                millis(all.getMaxValue()),
                errors));
      } else {
        LOG.info(
            String.format(
                Locale.ROOT,
                "warm-up at concurrency %d: %,d lookups in %.1f s",
                concurrency,
                all.getTotalCount(),
                elapsed));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private record Result(Histogram latencies, long errors) {}

  /**
   * One caller: lookups back to back until {@code end}, each for a random entity, over its own
   * keep-alive connection ({@link KeepAliveConnection}) or, with {@code client=jdk}, the JDK's
   * HttpClient.
   */
  private Result call(List<byte[]> bodies, long end) throws IOException, InterruptedException {
    Histogram latencies = new Histogram(MAX_NANOS, 3);
    long errors = 0;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (KeepAliveConnection connection = jdkClient ? null : new KeepAliveConnection(lookupBase)) {
      while (System.nanoTime() < end) {
        byte[] body = bodies.get(random.nextInt(bodies.size()));
        String bearer = tokens.current();
        if (connection != null) {
          connection.reopenIfClosing();
        }
        long t0 = System.nanoTime();
        int status =
            connection == null
                ? jdkLookup(body, bearer)
                : connection.postJson(LOOKUP_PATH, bearer, body).status();
        long took = System.nanoTime() - t0;
        latencies.recordValue(Math.min(took, MAX_NANOS));
        if (status != 200) {
          errors++;
        }
      }
    }
    return new Result(latencies, errors);
  }

  private int jdkLookup(byte[] body, String bearer) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(lookupBase.resolve(LOOKUP_PATH))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private HttpResponse<String> lookup(byte[] body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(lookupBase.resolve(LOOKUP_PATH))
            .header("Authorization", "Bearer " + tokens.current())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void waitForJob(HttpResponse<String> accepted, String what)
      throws IOException, InterruptedException {
    new JobWaiter(http, URI.create(base), tokens).await(accepted, what);
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        authorized(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String path) throws IOException, InterruptedException {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.current());
  }
}
