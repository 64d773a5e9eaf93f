package org.mlplatform.benchmarks.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.mlplatform.benchmarks.RenewingToken;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;

/**
 * Fills a running platform with a {@link SyntheticCatalogue} through its REST API, as a data
 * scientist would: entities, feature views with their features, models and feature services. Model
 * versions are left out (each needs an ONNX upload); the seeder asks the synthetic catalogue for
 * proportionally more documents instead, so the platform's catalogue still reaches the count.
 * Something that already exists (409) counts as created, so a second run on the same platform adds
 * only what is missing.
 */
final class CatalogueSeeder {

  private static final Logger LOG = Logger.getLogger(CatalogueSeeder.class.getName());
  private static final int CALLERS = 4;

  private final HttpClient http;
  private final URI base;
  private final RenewingToken tokens;

  CatalogueSeeder(HttpClient http, URI base, RenewingToken tokens) {
    this.http = http;
    this.base = base;
    this.tokens = tokens;
  }

  /** The documents the platform now holds besides model versions, after creating them. */
  List<CatalogDocument> seed(int docs, long seed) throws Exception {
    List<CatalogDocument> all =
        new SyntheticCatalogue(seed)
            .documents(docs * 100 / 85).stream()
                .filter(d -> d.type() != DocumentType.MODEL_VERSION)
                .toList();
    Map<String, List<CatalogDocument>> featuresByView = new LinkedHashMap<>();
    all.stream()
        .filter(d -> d.type() == DocumentType.FEATURE)
        .forEach(f -> featuresByView.computeIfAbsent(view(f), v -> new ArrayList<>()).add(f));
    List<CatalogDocument> entities = ofType(all, DocumentType.ENTITY);
    List<String> featureRefs =
        all.stream()
            .filter(d -> d.type() == DocumentType.FEATURE)
            .map(CatalogDocument::name)
            .toList();
    Random random = new Random(seed);
    long start = System.nanoTime();
    create("entities", entities, "/api/v1/entities", CatalogueSeeder::entity);
    create(
        "feature views",
        ofType(all, DocumentType.FEATURE_VIEW),
        "/api/v1/feature-views",
        v ->
            view(
                v,
                entities.get(Math.floorMod(v.name().hashCode(), entities.size())).name(),
                featuresByView.getOrDefault(v.name(), List.of())));
    create("models", ofType(all, DocumentType.MODEL), "/api/v1/models", CatalogueSeeder::model);
    List<CatalogDocument> services = ofType(all, DocumentType.FEATURE_SERVICE);
    List<String> serviceJson = new ArrayList<>();
    for (CatalogDocument s : services) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        refs.add(featureRefs.get(random.nextInt(featureRefs.size())));
      }
      serviceJson.add(service(s, refs.stream().distinct().toList()));
    }
    createBodies("feature services", serviceJson, "/api/v1/feature-services");
    LOG.info(
        String.format(
            Locale.ROOT,
            "seeded %,d catalogue documents through REST in %.0f s",
            all.size(),
            (System.nanoTime() - start) / 1e9));
    return all;
  }

  private void create(
      String what,
      List<CatalogDocument> docs,
      String path,
      java.util.function.Function<CatalogDocument, String> json)
      throws Exception {
    createBodies(what, docs.stream().map(json).toList(), path);
  }

  private void createBodies(String what, List<String> bodies, String path) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger existed = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        done.add(
            callers.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    if (post(path, bodies.get(i)) == 409) {
                      existed.incrementAndGet();
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
    LOG.info(
        String.format(
            Locale.ROOT,
            "  %,d %s (%,d already there) in %.1f s",
            bodies.size(),
            what,
            existed.get(),
            (System.nanoTime() - start) / 1e9));
  }

  private int post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + tokens.current())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201 && answer.statusCode() != 409) {
      throw new IllegalStateException(
          "POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.statusCode();
  }

  private static String entity(CatalogDocument e) {
    return "{\"name\":"
        + quoted(e.name())
        + ",\"joinKeys\":[{\"name\":"
        + quoted(e.name() + "_id")
        + ",\"type\":\"INT64\"}],\"description\":"
        + quoted(e.description())
        + "}";
  }

  private static String view(CatalogDocument v, String entity, List<CatalogDocument> features) {
    StringBuilder columns = new StringBuilder();
    for (CatalogDocument f : features) {
      columns
          .append(columns.isEmpty() ? "" : ",")
          .append("{\"name\":")
          .append(quoted(f.name().substring(f.name().indexOf(':') + 1)))
          .append(",\"type\":\"FLOAT64\",\"description\":")
          .append(quoted(f.description()))
          .append('}');
    }
    if (columns.isEmpty()) {
      columns.append("{\"name\":\"value\",\"type\":\"FLOAT64\"}");
    }
    return "{\"name\":"
        + quoted(v.name())
        + ",\"entities\":["
        + quoted(entity)
        + "],\"ttlSeconds\":86400,\"features\":["
        + columns
        + "],"
        + ownerTagsDescription(v)
        + "}";
  }

  private static String model(CatalogDocument m) {
    return "{\"name\":" + quoted(m.name()) + "," + ownerTagsDescription(m) + "}";
  }

  private static String service(CatalogDocument s, List<String> features) {
    return "{\"name\":"
        + quoted(s.name())
        + ",\"features\":["
        + String.join(",", features.stream().map(CatalogueSeeder::quoted).toList())
        + "],"
        + ownerTagsDescription(s)
        + "}";
  }

  private static String ownerTagsDescription(CatalogDocument d) {
    return "\"owner\":"
        + quoted(d.owner())
        + ",\"tags\":["
        + String.join(",", d.tags().stream().distinct().map(CatalogueSeeder::quoted).toList())
        + "],\"description\":"
        + quoted(d.description());
  }

  private static String view(CatalogDocument feature) {
    return feature.name().substring(0, feature.name().indexOf(':'));
  }

  private static List<CatalogDocument> ofType(List<CatalogDocument> all, DocumentType type) {
    return all.stream().filter(d -> d.type() == type).toList();
  }

  /** The synthetic vocabulary has no quotes or backslashes; escaped anyway. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
