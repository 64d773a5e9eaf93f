package org.mlplatform.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/** Hibernate against the Flyway schema, on H2 and PostgreSQL, with schema validation on. */
class JpaAuditLogIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void appendsAndReadsNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      Instant t0 = Instant.parse("2026-01-01T10:00:00.123456Z");

      inTransaction(emf, log -> log.append(entry(t0, "alice", Outcome.SUCCESS)));
      inTransaction(emf, log -> log.append(entry(t0.plusSeconds(5), "bob", Outcome.DENIED)));

      try (EntityManager em = emf.createEntityManager()) {
        JpaAuditLog log = new JpaAuditLog(em);
        List<AuditEntry> latest = log.latest(10);

        assertThat(log.count()).isEqualTo(2);
        assertThat(latest).extracting(AuditEntry::actor).containsExactly("bob", "alice");
        AuditEntry alice = latest.get(1);
        assertThat(alice.occurredAt()).isEqualTo(t0.truncatedTo(ChronoUnit.MICROS));
        assertThat(alice.actorRoles()).containsExactly("data-scientist", "viewer");
        assertThat(alice.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(log.latest(1)).hasSize(1);
        assertThat(log.latestSuccesses("model.register", "model:fraud", 5))
            .extracting(AuditEntry::actor)
            .containsExactly("alice");
        assertThat(log.latestSuccesses("model.register", "model:other", 5)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRolledBackTransactionLeavesNoRecord(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      try (EntityManager em = emf.createEntityManager()) {
        em.getTransaction().begin();
        new JpaAuditLog(em).append(entry(Instant.now(), "carol", Outcome.SUCCESS));
        em.flush();
        em.getTransaction().rollback();
      }

      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaAuditLog(em).count()).isZero();
      }
    }
  }

  private static AuditEntry entry(Instant at, String actor, Outcome outcome) {
    return new AuditEntry(
        at,
        actor,
        List.of("data-scientist", "viewer"),
        "model.register",
        "model:fraud",
        "registered version 1",
        outcome,
        "req-1",
        "127.0.0.1");
  }

  private static void inTransaction(EntityManagerFactory emf, Consumer<JpaAuditLog> work) {
    TestPersistence.inTransaction(emf, em -> work.accept(new JpaAuditLog(em)));
  }

  private static EntityManagerFactory entityManagerFactory(TestDatabase db) {
    return TestPersistence.entityManagerFactory(db, AuditRecordEntity.class);
  }
}
