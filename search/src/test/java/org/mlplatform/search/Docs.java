package org.mlplatform.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Catalogue documents for tests, shaped like the portal's. */
final class Docs {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Docs() {}

  static CatalogDocument featureView(
      String name, String description, String owner, String... tags) {
    return new CatalogDocument(
        "feature_view:" + name,
        DocumentType.FEATURE_VIEW,
        name,
        description,
        List.of(tags),
        owner,
        List.of(),
        Map.of(),
        "features/" + name,
        T0);
  }

  static CatalogDocument feature(String view, String feature, String description, String... tags) {
    return new CatalogDocument(
        "feature:" + view + ":" + feature,
        DocumentType.FEATURE,
        view + ":" + feature,
        description,
        List.of(tags),
        "data-team",
        List.of(),
        Map.of(),
        "features/" + view,
        T0);
  }

  static CatalogDocument model(String name, String description, String owner, String... tags) {
    return new CatalogDocument(
        "model:" + name,
        DocumentType.MODEL,
        name,
        description,
        List.of(tags),
        owner,
        List.of(),
        Map.of(),
        "models/" + name,
        T0);
  }

  static CatalogDocument version(String model, int version, String alias, double auc) {
    return new CatalogDocument(
        "model_version:" + model + ":" + version,
        DocumentType.MODEL_VERSION,
        model + " v" + version,
        "Version " + version + " of " + model,
        List.of(),
        "ml-team",
        alias == null ? List.of() : List.of(alias),
        Map.of("auc", auc),
        "models/" + model + "/versions/" + version,
        T0.plusSeconds(version));
  }

  /** A small catalogue most tests search. */
  static List<CatalogDocument> catalogue() {
    return List.of(
        featureView(
            "txn_stats", "Rolling statistics of card transactions", "data-team", "payments"),
        feature("txn_stats", "amount_avg", "Average transaction amount over 7 days", "payments"),
        feature("txn_stats", "amount_max", "Largest transaction amount over 7 days", "payments"),
        feature("txn_stats", "txn_count", "Number of transactions over 7 days", "payments"),
        featureView("customer_profile", "Who the customer is", "crm-team", "pii"),
        feature("customer_profile", "age", "Age of the customer in years", "pii"),
        model("fraud", "Flags fraudulent card payments", "ml-team", "payments", "fraud"),
        model("fraud_detector_legacy", "The old rules engine, kept for comparison", "ml-team"),
        model("churn", "Predicts which customers leave", "crm-team", "retention"),
        version("fraud", 1, null, 0.81),
        version("fraud", 2, "challenger", 0.86),
        version("fraud", 3, "champion", 0.89),
        new CatalogDocument(
            "entity:customer",
            DocumentType.ENTITY,
            "customer",
            "A customer of the bank, keyed by customer_id",
            List.of("core"),
            null,
            List.of(),
            Map.of(),
            "entities/customer",
            T0),
        new CatalogDocument(
            "feature_service:fraud_online",
            DocumentType.FEATURE_SERVICE,
            "fraud_online",
            "Features served to the fraud model",
            List.of("payments"),
            "ml-team",
            List.of(),
            Map.of(),
            "feature-services/fraud_online",
            T0));
  }
}
