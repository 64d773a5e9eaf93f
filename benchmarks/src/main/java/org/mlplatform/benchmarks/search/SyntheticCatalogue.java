package org.mlplatform.benchmarks.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;

/**
 * A catalogue shaped like a large feature store and registry, from a fixed vocabulary so that names
 * share words the way real ones do ({@code card_spend_12:amount_avg_7d}): about 75 % features, 15 %
 * model versions, 4 % feature views, 3 % models, 2 % feature services, 0.5 % entities. Every name
 * is unique.
 */
final class SyntheticCatalogue {

  static final List<String> SUBJECTS =
      List.of(
          "txn",
          "card",
          "customer",
          "merchant",
          "account",
          "device",
          "session",
          "loan",
          "payment",
          "order",
          "basket",
          "click",
          "login",
          "transfer",
          "balance",
          "claim",
          "policy",
          "store",
          "product",
          "user");
  static final List<String> MEASURES =
      List.of(
          "amount",
          "count",
          "velocity",
          "ratio",
          "score",
          "age",
          "distance",
          "duration",
          "price",
          "frequency",
          "limit",
          "share",
          "rate",
          "spend",
          "value");
  static final List<String> AGGREGATES =
      List.of("avg", "max", "min", "sum", "std", "last", "first", "p90", "median", "distinct");
  static final List<String> WINDOWS = List.of("1h", "24h", "7d", "30d", "90d");
  static final List<String> MODEL_WORDS =
      List.of(
          "fraud",
          "churn",
          "risk",
          "propensity",
          "lifetime",
          "credit",
          "default",
          "upsell",
          "recommend",
          "anomaly",
          "segment",
          "forecast",
          "pricing",
          "retention",
          "conversion");
  static final List<String> FILLER =
      List.of(
          "computed",
          "daily",
          "from",
          "the",
          "streaming",
          "pipeline",
          "batch",
          "warehouse",
          "cleaned",
          "joined",
          "with",
          "reference",
          "data",
          "excluding",
          "refunds",
          "and",
          "test",
          "accounts",
          "rolling",
          "window",
          "events",
          "raw",
          "validated",
          "for",
          "online",
          "serving",
          "training",
          "backfilled",
          "since",
          "launch",
          "european",
          "region",
          "global",
          "mobile",
          "web",
          "channel",
          "weighted",
          "normalised",
          "capped",
          "outliers",
          "removed",
          "hourly");
  static final List<String> TAGS =
      List.of(
          "payments",
          "pii",
          "core",
          "experimental",
          "deprecated",
          "gold",
          "silver",
          "bronze",
          "realtime",
          "batch",
          "finance",
          "marketing",
          "risk",
          "growth",
          "ops",
          "eu",
          "us",
          "apac",
          "gdpr",
          "sox",
          "critical",
          "beta",
          "ml",
          "analytics",
          "support",
          "security",
          "mobile",
          "web",
          "partner",
          "internal");
  static final List<String> OWNERS =
      List.of(
          "data-team",
          "ml-team",
          "risk-team",
          "crm-team",
          "payments-team",
          "growth-team",
          "platform-team",
          "fraud-team",
          "credit-team",
          "marketing-team",
          "ops-team",
          "web-team",
          "mobile-team",
          "finance-team",
          "security-team",
          "support-team",
          "analytics-team",
          "partner-team",
          "pricing-team",
          "search-team");
  static final List<String> ALIASES = List.of("champion", "challenger", "shadow", "canary");

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final Random random;

  SyntheticCatalogue(long seed) {
    this.random = new Random(seed);
  }

  List<CatalogDocument> documents(int count) {
    List<CatalogDocument> docs = new ArrayList<>(count);
    int entities = Math.max(1, count / 200);
    int views = Math.max(1, count * 4 / 100);
    int services = Math.max(1, count * 2 / 100);
    int models = Math.max(1, count * 3 / 100);
    int versions = count * 15 / 100;
    for (int i = 0; i < entities; i++) {
      String name = pick(SUBJECTS) + "_" + i;
      docs.add(
          doc(
              "entity:" + name,
              DocumentType.ENTITY,
              name,
              "The " + name + " " + filler(6),
              "entities/" + name,
              List.of()));
    }
    List<String> viewNames = new ArrayList<>();
    for (int i = 0; i < views; i++) {
      String name = pick(SUBJECTS) + "_" + pick(MEASURES) + "_" + i;
      viewNames.add(name);
      docs.add(
          doc(
              "feature_view:" + name,
              DocumentType.FEATURE_VIEW,
              name,
              "Statistics of " + name.replace('_', ' ') + " " + filler(8),
              "features/" + name,
              List.of()));
    }
    List<String> modelNames = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      String name = pick(MODEL_WORDS) + "_" + pick(SUBJECTS) + "_" + i;
      modelNames.add(name);
      docs.add(
          doc(
              "model:" + name,
              DocumentType.MODEL,
              name,
              "Predicts " + name.replace('_', ' ') + " " + filler(10),
              "models/" + name,
              List.of()));
    }
    for (int i = 0; i < services; i++) {
      String name = pick(modelNames) + "_online_" + i;
      docs.add(
          doc(
              "feature_service:" + name,
              DocumentType.FEATURE_SERVICE,
              name,
              "Features served to " + name.replace('_', ' ') + " " + filler(6),
              "feature-services/" + name,
              List.of()));
    }
    for (int i = 0; i < versions; i++) {
      String model = modelNames.get(i % modelNames.size());
      int version = i / modelNames.size() + 1;
      List<String> aliases = random.nextInt(4) == 0 ? List.of(pick(ALIASES)) : List.of();
      docs.add(
          doc(
              "model_version:" + model + ":" + version,
              DocumentType.MODEL_VERSION,
              model + " v" + version,
              "Version " + version + " of " + model + " " + filler(5),
              "models/" + model + "/versions/" + version,
              aliases));
    }
    int features = count - docs.size();
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; used.size() < features; i++) {
      String view = viewNames.get(i % viewNames.size());
      String feature = pick(MEASURES) + "_" + pick(AGGREGATES) + "_" + pick(WINDOWS);
      String name = view + ":" + feature;
      if (used.add(name)) {
        String description =
            capitalised(pick(AGGREGATES))
                + " of "
                + feature.replace('_', ' ')
                + " per "
                + view.replace('_', ' ')
                + " "
                + filler(8);
        docs.add(
            doc(
                "feature:" + name,
                DocumentType.FEATURE,
                name,
                description,
                "features/" + view,
                List.of()));
      }
    }
    return docs;
  }

  private CatalogDocument doc(
      String id,
      DocumentType type,
      String name,
      String description,
      String link,
      List<String> aliases) {
    List<String> tags =
        random.nextBoolean() ? List.of(pick(TAGS)) : List.of(pick(TAGS), pick(TAGS));
    Map<String, Double> metrics =
        type == DocumentType.MODEL_VERSION
            ? Map.of("auc", 0.5 + random.nextDouble() / 2)
            : Map.of();
    return new CatalogDocument(
        id,
        type,
        name,
        description,
        tags,
        pick(OWNERS),
        aliases,
        metrics,
        link,
        T0.plusSeconds(random.nextInt(30_000_000)));
  }

  private String filler(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(pick(FILLER));
    }
    return text.append('.').toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
