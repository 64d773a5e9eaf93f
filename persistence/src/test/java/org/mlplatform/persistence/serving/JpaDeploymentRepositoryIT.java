package org.mlplatform.persistence.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.DeploymentRepository;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/**
 * Deployments survive a round trip through Hibernate and the Flyway schema, on H2 and PostgreSQL;
 * the schema keeps them to their model's versions and deletes them with the model.
 */
class JpaDeploymentRepositoryIT {

  private static final ResourceName FRAUD = new ResourceName("fraud_model");
  private static final ResourceName CHURN = new ResourceName("churn");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void savesFindsUpdatesListsAndDeletes(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      ServingTestData.model(db.dataSource(), FRAUD.value(), 3);
      ServingTestData.model(db.dataSource(), CHURN.value(), 0);
      Deployment full =
          Deployment.of(FRAUD, "alice", NOW)
              .withAlias(AliasName.CHALLENGER)
              .withCanary(new CanaryRoute(2, 10))
              .withShadow(3)
              .withBatching(new BatchingPolicy(32, Duration.ofNanos(2_500_000)))
              .withCacheEntries(100_000);
      Deployment plain = Deployment.of(CHURN, "bob", NOW);

      write(emf, r -> r.save(full));
      write(emf, r -> r.save(plain));

      assertThat(find(emf, FRAUD)).contains(full);
      assertThat(find(emf, CHURN)).contains(plain);
      assertThat(find(emf, new ResourceName("other"))).isEmpty();
      assertThat(all(emf)).containsExactly(plain, full);

      Deployment changed =
          full.withoutCanary()
              .withoutShadow()
              .withBatching(BatchingPolicy.disabled())
              .withCacheEntries(0)
              .updated("carol", NOW.plusSeconds(30));
      write(emf, r -> r.save(changed));
      assertThat(find(emf, FRAUD)).contains(changed);

      write(emf, r -> r.delete(FRAUD));
      write(emf, r -> r.delete(FRAUD)); // twice: harmless
      assertThat(find(emf, FRAUD)).isEmpty();
      assertThat(all(emf)).containsExactly(plain);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeploymentGoesWithItsModel(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      ServingTestData.model(db.dataSource(), CHURN.value(), 0);
      write(emf, r -> r.save(Deployment.of(CHURN, "bob", NOW)));

      ServingTestData.deleteModel(db.dataSource(), CHURN.value());

      assertThat(find(emf, CHURN)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theSchemaRefusesVersionsAndModelsThatDoNotExist(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      ServingTestData.model(db.dataSource(), FRAUD.value(), 2);
      Deployment plain = Deployment.of(FRAUD, "alice", NOW);

      assertThatThrownBy(() -> write(emf, r -> r.save(plain.withCanary(new CanaryRoute(3, 5)))))
          .isInstanceOf(PersistenceException.class);
      assertThatThrownBy(() -> write(emf, r -> r.save(plain.withShadow(9))))
          .isInstanceOf(PersistenceException.class);
      assertThatThrownBy(
              () -> write(emf, r -> r.save(Deployment.of(new ResourceName("nope"), "a", NOW))))
          .isInstanceOf(PersistenceException.class);
      assertThat(all(emf)).isEmpty();

      write(emf, r -> r.save(plain.withCanary(new CanaryRoute(2, 5)).withShadow(1)));
      assertThat(find(emf, FRAUD).orElseThrow().canary()).contains(new CanaryRoute(2, 5));
    }
  }

  private static EntityManagerFactory emf(TestDatabase db) {
    return TestPersistence.entityManagerFactory(db, DeploymentRecord.class);
  }

  private static void write(EntityManagerFactory emf, Consumer<DeploymentRepository> work) {
    TestPersistence.inTransaction(emf, em -> work.accept(new JpaDeploymentRepository(em)));
  }

  private static Optional<Deployment> find(EntityManagerFactory emf, ResourceName model) {
    try (EntityManager em = emf.createEntityManager()) {
      return new JpaDeploymentRepository(em).find(model);
    }
  }

  private static List<Deployment> all(EntityManagerFactory emf) {
    try (EntityManager em = emf.createEntityManager()) {
      return new JpaDeploymentRepository(em).all();
    }
  }
}
