package org.mlplatform.persistence.features;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.DerivedFeatureDefinition;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/**
 * Definitions survive a round trip through Hibernate and the Flyway schema, on H2 and PostgreSQL.
 */
class JpaFeatureCatalogIT {

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static FeatureViewDefinition txnStats(String description, FeatureDefinition... features) {
    return new FeatureViewDefinition(
        n("txn_stats"),
        1,
        List.of(n("customer"), n("merchant")),
        List.of(features),
        Duration.ofHours(36),
        "alice",
        Set.of("payments", "pii"),
        description);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void versionsEntitiesAndFeaturesRoundTrip(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf =
            TestPersistence.entityManagerFactory(
                db, EntityRecord.class, FeatureViewRecord.class, FeatureServiceRecord.class)) {
      FeatureDefinition amount =
          new FeatureDefinition(n("amount_avg"), FeatureType.FLOAT64, "mean");
      FeatureDefinition count = new FeatureDefinition(n("txn_count"), FeatureType.INT64, "");
      EntityDefinition customer =
          new EntityDefinition(
              n("customer"), List.of(new JoinKey(n("customer_id"), FeatureType.INT64)), "people");
      EntityDefinition merchant =
          new EntityDefinition(
              n("merchant"),
              List.of(
                  new JoinKey(n("merchant_id"), FeatureType.STRING),
                  new JoinKey(n("country"), FeatureType.STRING)),
              "");

      registry(emf, r -> r.createEntity(customer));
      registry(emf, r -> r.createEntity(merchant));
      registry(emf, r -> r.createView(txnStats("first", amount)));
      registry(emf, r -> r.updateView(txnStats("renamed", amount)));
      FeatureViewDefinition v2 = registry(emf, r -> r.updateView(txnStats("wider", amount, count)));

      assertThat(v2.version()).isEqualTo(2);
      try (EntityManager em = emf.createEntityManager()) {
        JpaFeatureCatalog catalog = new JpaFeatureCatalog(em);
        assertThat(catalog.entities()).containsExactly(customer, merchant);
        assertThat(catalog.viewVersions(n("txn_stats")))
            .extracting(FeatureViewDefinition::version, FeatureViewDefinition::description)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "renamed"),
                org.assertj.core.groups.Tuple.tuple(2, "wider"));
        assertThat(catalog.latestViews()).containsExactly(v2);
        assertThat(catalog.view(n("txn_stats"), 1).orElseThrow().features())
            .containsExactly(amount);
        assertThat(new FeatureRegistry(catalog).joinKeys(v2))
            .extracting(k -> k.name().value())
            .containsExactly("customer_id", "merchant_id", "country");
      }

      registry(
          emf,
          r -> {
            r.deleteView(n("txn_stats"));
            return null;
          });
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaFeatureCatalog(em).latestViews()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void derivedFeaturesAndFeatureServicesRoundTrip(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf =
            TestPersistence.entityManagerFactory(
                db, EntityRecord.class, FeatureViewRecord.class, FeatureServiceRecord.class)) {
      registry(
          emf,
          r ->
              r.createEntity(
                  new EntityDefinition(
                      n("customer"),
                      List.of(new JoinKey(n("customer_id"), FeatureType.INT64)),
                      "")));
      FeatureViewDefinition view =
          registry(
              emf,
              r ->
                  r.createView(
                      new FeatureViewDefinition(
                          n("spend"),
                          1,
                          List.of(n("customer")),
                          List.of(new FeatureDefinition(n("avg"), FeatureType.FLOAT64, "")),
                          Duration.ZERO,
                          "alice",
                          Set.of(),
                          "",
                          List.of(
                              new DerivedFeatureDefinition(
                                  n("ratio"), "amount / avg", FeatureType.FLOAT32, "why")),
                          List.of(new FeatureDefinition(n("amount"), FeatureType.FLOAT64, "")))));
      FeatureServiceDefinition service =
          registry(
              emf,
              r ->
                  r.createService(
                      new FeatureServiceDefinition(
                          n("fraud"),
                          1,
                          List.of(
                              FeatureRef.parse("f", "spend:ratio"),
                              FeatureRef.parse("f", "spend:avg")),
                          "alice",
                          Set.of("prod"),
                          "")));
      FeatureServiceDefinition v2 =
          registry(
              emf,
              r ->
                  r.updateService(
                      new FeatureServiceDefinition(
                          n("fraud"),
                          1,
                          List.of(FeatureRef.parse("f", "spend:avg")),
                          "bob",
                          Set.of(),
                          "")));

      try (EntityManager em = emf.createEntityManager()) {
        JpaFeatureCatalog catalog = new JpaFeatureCatalog(em);
        assertThat(catalog.latestView(n("spend")).orElseThrow()).isEqualTo(view);
        assertThat(catalog.service(n("fraud"), 1).orElseThrow()).isEqualTo(service);
        assertThat(catalog.latestServices()).containsExactly(v2);
        assertThat(catalog.serviceVersions(n("fraud")))
            .extracting(FeatureServiceDefinition::version)
            .containsExactly(1, 2);
      }
      registry(
          emf,
          r -> {
            r.deleteService(n("fraud"));
            return null;
          });
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaFeatureCatalog(em).latestServices()).isEmpty();
      }
    }
  }

  private static <T> T registry(EntityManagerFactory emf, Function<FeatureRegistry, T> work) {
    Object[] result = new Object[1];
    TestPersistence.inTransaction(
        emf, em -> result[0] = work.apply(new FeatureRegistry(new JpaFeatureCatalog(em))));
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }
}
