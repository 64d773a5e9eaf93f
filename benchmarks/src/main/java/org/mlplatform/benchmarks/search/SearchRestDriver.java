package org.mlplatform.benchmarks.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.mlplatform.benchmarks.DriverArgs;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery;

/**
 * The REST goal against a running platform: with 100,000 catalogue documents, {@code GET
 * /api/v1/search} (free text, facets, snippets, first page of 20) has a p99 of at most 30 ms, seen
 * by a client on loopback over one keep-alive connection, as alice with a bearer token.
 *
 * <ol>
 *   <li>Seed ({@link CatalogueSeeder}) unless {@code seeded=true}: the synthetic catalogue through
 *       REST, then wait until the index holds it (an empty query's total).
 *   <li>Warm-up, then {@code queries} searches from the in-process benchmark's {@link Workload} and
 *       {@code suggestions} calls of {@code /api/v1/search/suggest}, each timed.
 * </ol>
 *
 * <p>Arguments: the platform's URL and the token URL (local defaults), then {@code docs=100000
 * queries=20000 suggestions=20000 warmups=2000 seed=42 seeded=false}.
 */
public final class SearchRestDriver {

  private static final Logger LOG = Logger.getLogger(SearchRestDriver.class.getName());
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
  private static final Pattern FIRST_ID =
      Pattern.compile("\"hits\":\\[\\{\"type\":\"[^\"]*\",\"id\":\"([^\"]*)\"");

  private final URI base;
  private final RenewingToken tokens;

  private SearchRestDriver(URI base, RenewingToken tokens) {
    this.base = base;
    this.tokens = tokens;
  }

  public static void main(String[] args) throws Exception {
    DriverArgs parsed = DriverArgs.parse(args);
    Map<String, String> options = parsed.options();
    int docs = Integer.parseInt(options.getOrDefault("docs", "100000"));
    int queries = Integer.parseInt(options.getOrDefault("queries", "20000"));
    int suggestions = Integer.parseInt(options.getOrDefault("suggestions", "20000"));
    int warmups = Integer.parseInt(options.getOrDefault("warmups", "2000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    boolean seeded = Boolean.parseBoolean(options.getOrDefault("seeded", "false"));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    RenewingToken tokens = new RenewingToken(http, parsed.tokenUrl().toString());
    SearchRestDriver driver = new SearchRestDriver(parsed.base(), tokens);
    List<CatalogDocument> catalogue =
        seeded
            ? new SyntheticCatalogue(seed)
                .documents(docs * 100 / 85).stream()
                    .filter(d -> d.type() != DocumentType.MODEL_VERSION)
                    .toList()
            : new CatalogueSeeder(http, parsed.base(), tokens).seed(docs, seed);
    driver.awaitIndexed(http, catalogue.size());
    driver.measure(catalogue, seed, queries, suggestions, warmups);
  }

  /** Waits until an empty query counts at least {@code expected} documents. */
  private void awaitIndexed(HttpClient http, int expected) throws Exception {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MINUTES.toNanos(15);
    long total;
    while ((total = total(http)) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the index holds " + total + " of " + expected);
      }
      long held = total;
      LOG.info(() -> String.format(Locale.ROOT, "  index holds %,d of %,d", held, expected));
      Thread.sleep(5_000);
    }
    long indexed = total;
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "index holds %,d documents (waited %.0f s)",
                indexed,
                (System.nanoTime() - start) / 1e9));
  }

  private long total(HttpClient http) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/search?q=&size=1"))
                .header("Authorization", "Bearer " + tokens.current())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher total = TOTAL.matcher(answer.body());
    if (answer.statusCode() != 200 || !total.find()) {
      throw new IllegalStateException(
          "search answered " + answer.statusCode() + ": " + answer.body());
    }
    return Long.parseLong(total.group(1));
  }

  private void measure(
      List<CatalogDocument> catalogue, long seed, int queries, int suggestions, int warmups)
      throws Exception {
    Workload workload = new Workload(catalogue, seed + 2);
    Histogram all = new Histogram(MAX_NANOS, 3);
    Map<String, Histogram> byKind = new TreeMap<>();
    Histogram suggested = new Histogram(MAX_NANOS, 3);
    int exact = 0;
    int exactFirst = 0;
    int errors = 0;
    try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
      for (int i = 0; i < warmups + queries; i++) {
        Workload.Search search = workload.nextSearch();
        String path = "/api/v1/search?" + parameters(search.query());
        String bearer = tokens.current();
        connection.reopenIfClosing();
        long t0 = System.nanoTime();
        KeepAliveConnection.Answer answer = connection.get(path, bearer);
        long nanos = System.nanoTime() - t0;
        if (i < warmups) {
          continue;
        }
        all.recordValue(Math.min(nanos, MAX_NANOS));
        byKind
            .computeIfAbsent(search.kind(), k -> new Histogram(MAX_NANOS, 3))
            .recordValue(Math.min(nanos, MAX_NANOS));
        errors += answer.status() == 200 ? 0 : 1;
        if (search.expectedFirst() != null) {
          exact++;
          Matcher first = FIRST_ID.matcher(answer.text());
          exactFirst += first.find() && first.group(1).equals(search.expectedFirst()) ? 1 : 0;
        }
      }
      for (int i = 0; i < warmups + suggestions; i++) {
        String path = "/api/v1/search/suggest?limit=10&q=" + encoded(workload.nextPrefix());
        String bearer = tokens.current();
        connection.reopenIfClosing();
        long t0 = System.nanoTime();
        int status = connection.get(path, bearer).status();
        long nanos = System.nanoTime() - t0;
        if (i >= warmups) {
          suggested.recordValue(Math.min(nanos, MAX_NANOS));
          errors += status == 200 ? 0 : 1;
        }
      }
    }
    SearchBenchmark.report("REST search", all, 30);
    byKind.forEach((kind, histogram) -> SearchBenchmark.report("  " + kind, histogram, Double.NaN));
    SearchBenchmark.report("REST suggest", suggested, 30);
    LOG.info(
        String.format(
            Locale.ROOT,
            "relevance: exact name first in %,d of %,d exact-name searches; errors %d",
            exactFirst,
            exact,
            errors));
  }

  private static String parameters(SearchQuery query) {
    StringBuilder url = new StringBuilder("q=").append(encoded(query.text()));
    query.types().forEach(t -> url.append("&type=").append(encoded(t.key())));
    query.tags().forEach(t -> url.append("&tag=").append(encoded(t)));
    query.owners().forEach(o -> url.append("&owner=").append(encoded(o)));
    return url.toString();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
