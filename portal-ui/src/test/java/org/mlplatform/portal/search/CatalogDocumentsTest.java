package org.mlplatform.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.InMemoryFeatureCatalog;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.InMemoryModelRepository;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.VersionRegistration;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;

/** The catalogue as search documents, read from the in-memory catalogue and registry. */
class CatalogDocumentsTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant REGISTERED = Instant.parse("2026-02-01T00:00:00Z");

  private final InMemoryFeatureCatalog catalog = new InMemoryFeatureCatalog();
  private final FeatureRegistry features = new FeatureRegistry(catalog);
  private final InMemoryModelRepository repository = new InMemoryModelRepository();
  private final CatalogDocuments documents = new CatalogDocuments(catalog, repository);

  @BeforeEach
  void catalogue() {
    features.createEntity(
        new EntityDefinition(
            n("customer"),
            List.of(new JoinKey(n("customer_id"), FeatureType.INT64)),
            "People who pay"));
    features.createView(
        new FeatureViewDefinition(
            n("txn_stats"),
            1,
            List.of(n("customer")),
            List.of(new FeatureDefinition(n("amount_avg"), FeatureType.FLOAT64, "Mean spend")),
            Duration.ZERO,
            "alice",
            Set.of("risk", "payments"),
            "Card spend per customer",
            List.of(
                new DerivedFeatureDefinition(
                    n("amount_ratio"), "amount / amount_avg", null, "This payment vs usual")),
            List.of(new FeatureDefinition(n("amount"), FeatureType.FLOAT64, ""))));
    features.createService(
        new FeatureServiceDefinition(
            n("fraud_v1"),
            1,
            List.of(new FeatureRef(n("txn_stats"), n("amount_avg"))),
            "",
            Set.of("fraud"),
            "Inputs of the fraud model"));
    registry(CREATED).createModel(n("fraud"), "Catches card fraud", "risk-team", Set.of("fraud"));
    registry(REGISTERED).registerVersion(n("fraud"), registration(Map.of("auc", 0.91)));
    registry(REGISTERED.plusSeconds(60))
        .registerVersion(n("fraud"), registration(Map.of("auc", 0.93)));
    registry(REGISTERED).setAlias(n("fraud"), new AliasName("challenger"), 2, "alice", "better");
    registry(REGISTERED).setAlias(n("fraud"), new AliasName("shadow"), 2, "alice", "try");
  }

  @Test
  void everyKindOfItemBecomesDocuments() {
    assertThat(documents.all())
        .extracting(CatalogDocument::id)
        .containsExactly(
            "entity:customer",
            "feature_view:txn_stats",
            "feature:txn_stats:amount_avg",
            "feature:txn_stats:amount_ratio",
            "feature_service:fraud_v1",
            "model:fraud",
            "model_version:fraud:2",
            "model_version:fraud:1");
  }

  @Test
  void anEntityNamesItsJoinKeysAndLinksToTheCatalogue() {
    CatalogDocument entity = document("entity:customer");

    assertThat(entity.type()).isEqualTo(DocumentType.ENTITY);
    assertThat(entity.name()).isEqualTo("customer");
    assertThat(entity.description()).isEqualTo("People who pay Join keys: customer_id (INT64).");
    assertThat(entity.owner()).isNull();
    assertThat(entity.link()).isEqualTo("features");
  }

  @Test
  void aViewAndItsFeaturesShareItsPageOwnerAndTags() {
    CatalogDocument view = document("feature_view:txn_stats");
    CatalogDocument feature = document("feature:txn_stats:amount_avg");
    CatalogDocument derived = document("feature:txn_stats:amount_ratio");

    assertThat(view.name()).isEqualTo("txn_stats");
    assertThat(view.description())
        .contains("Card spend per customer", "customer", "amount_avg, amount_ratio");
    assertThat(feature.name()).isEqualTo("txn_stats:amount_avg");
    assertThat(feature.type()).isEqualTo(DocumentType.FEATURE);
    assertThat(feature.description()).startsWith("Mean spend").contains("FLOAT64");
    assertThat(derived.description()).contains("On-demand", "amount / amount_avg");
    for (CatalogDocument d : List.of(view, feature, derived)) {
      assertThat(d.link()).isEqualTo("features/txn_stats");
      assertThat(d.owner()).isEqualTo("alice");
      assertThat(d.tags()).containsExactly("payments", "risk");
    }
  }

  @Test
  void aServiceWithoutOwnerHasNone() {
    CatalogDocument service = document("feature_service:fraud_v1");

    assertThat(service.name()).isEqualTo("fraud_v1");
    assertThat(service.owner()).isNull();
    assertThat(service.tags()).containsExactly("fraud");
    assertThat(service.description()).contains("txn_stats:amount_avg");
  }

  @Test
  void aModelCarriesAllAliasesAndAVersionThosePointingAtIt() {
    CatalogDocument model = document("model:fraud");
    CatalogDocument first = document("model_version:fraud:1");
    CatalogDocument second = document("model_version:fraud:2");

    assertThat(model.aliases()).containsExactly("challenger", "shadow");
    assertThat(model.link()).isEqualTo("models/fraud");
    assertThat(model.updatedAt()).isEqualTo(REGISTERED.plusSeconds(60));
    assertThat(second.name()).isEqualTo("fraud v2");
    assertThat(second.aliases()).containsExactly("challenger", "shadow");
    assertThat(second.metrics()).isEqualTo(Map.of("auc", 0.93));
    assertThat(second.link()).isEqualTo("models/fraud/versions/2");
    assertThat(second.owner()).isEqualTo("risk-team");
    assertThat(second.updatedAt()).isEqualTo(REGISTERED.plusSeconds(60));
    assertThat(first.aliases()).isEmpty();
    assertThat(first.description()).contains("registered by alice");
  }

  @Test
  void aChangedViewRewritesItsFeatures() {
    IndexChange change = documents.changed(CatalogChanged.featureView(n("txn_stats")));

    assertThat(change.removedIds()).isEmpty();
    assertThat(change.removedPrefixes()).containsExactly("feature:txn_stats:");
    assertThat(change.documents())
        .extracting(CatalogDocument::id)
        .containsExactly(
            "feature_view:txn_stats",
            "feature:txn_stats:amount_avg",
            "feature:txn_stats:amount_ratio");
  }

  @Test
  void aDeletedItemIsRemovedWithItsParts() {
    catalog.deleteService(n("fraud_v1"));
    catalog.deleteView(n("txn_stats"));
    repository.deleteModel(n("fraud"));

    assertThat(documents.changed(CatalogChanged.featureView(n("txn_stats"))))
        .isEqualTo(
            new IndexChange(
                List.of("feature_view:txn_stats"), List.of("feature:txn_stats:"), List.of()));
    assertThat(documents.changed(CatalogChanged.featureService(n("fraud_v1"))))
        .isEqualTo(IndexChange.remove("feature_service:fraud_v1"));
    assertThat(documents.changed(CatalogChanged.model(n("fraud"))))
        .isEqualTo(
            new IndexChange(List.of("model:fraud"), List.of("model_version:fraud:"), List.of()));
  }

  @Test
  void aChangedModelRewritesItsVersions() {
    assertThat(documents.changed(CatalogChanged.model(n("fraud"))).documents())
        .extracting(CatalogDocument::id)
        .containsExactly("model:fraud", "model_version:fraud:2", "model_version:fraud:1");
    assertThat(documents.changed(CatalogChanged.entity(n("customer"))).documents())
        .extracting(CatalogDocument::name)
        .containsExactly("customer");
  }

  private CatalogDocument document(String id) {
    return documents.all().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  private ModelRegistry registry(Instant now) {
    return new ModelRegistry(repository, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static VersionRegistration registration(Map<String, Double> metrics) {
    ModelSignature signature =
        new ModelSignature(
            List.of(
                TensorSpec.tensor(
                    "input",
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(2)))),
            List.of(
                TensorSpec.tensor(
                    "output",
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(2)))),
            13,
            "org.tribuo",
            "4.3.2");
    return new VersionRegistration(
        new StoredArtifact("a".repeat(64), 1234),
        ModelVersion.ONNX,
        signature,
        "",
        metrics,
        Map.of(),
        ModelLineage.unknown(),
        "alice");
  }

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }
}
