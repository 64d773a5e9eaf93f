package org.mlplatform.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.AuditHash;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.AuditVerification.Intact;
import org.mlplatform.domain.audit.AuditVerification.Reason;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/**
 * The audit log as a hash chain, through Hibernate against the Flyway schema, on H2 and PostgreSQL,
 * with schema validation on; tampering is done in plain SQL behind the log's back.
 */
class JpaAuditLogIT {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

  /** A small page, so that a few dozen records cross several page boundaries. */
  private static final int SMALL_PAGE = 7;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void appendsAndReadsNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      inTransaction(emf, log -> log.append(entry(T0, "alice", Outcome.SUCCESS)));
      inTransaction(emf, log -> log.append(entry(T0.plusSeconds(5), "bob", Outcome.DENIED)));

      try (EntityManager em = emf.createEntityManager()) {
        JpaAuditLog log = new JpaAuditLog(em);
        List<AuditEntry> latest = log.latest(10);

        assertThat(log.count()).isEqualTo(2);
        assertThat(latest).extracting(AuditEntry::actor).containsExactly("bob", "alice");
        AuditEntry alice = latest.get(1);
        assertThat(alice.occurredAt()).isEqualTo(T0.truncatedTo(ChronoUnit.MICROS));
        assertThat(alice.actorRoles()).containsExactly("data-scientist", "viewer");
        assertThat(alice.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(log.latest(1)).hasSize(1);
        assertThat(log.latestSuccesses("model.register", "model:fraud", 5))
            .extracting(AuditEntry::actor)
            .containsExactly("alice");
        assertThat(log.latestSuccesses("model.register", "model:other", 5)).isEmpty();

        List<AuditRecord> records = log.find(AuditFilter.ALL, 0, 10);
        assertThat(records).extracting(AuditRecord::seq).containsExactly(2L, 1L);
        assertThat(records.get(1).prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(records.get(0).prevHash()).isEqualTo(records.get(1).hash());
        assertThat(records).allMatch(AuditRecord::hashMatches);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRolledBackTransactionLeavesNoRecordAndNoPlaceTaken(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      try (EntityManager em = emf.createEntityManager()) {
        em.getTransaction().begin();
        new JpaAuditLog(em).append(entry(Instant.now(), "carol", Outcome.SUCCESS));
        em.flush();
        em.getTransaction().rollback();
      }
      inTransaction(emf, log -> log.append(entry(T0, "dave", Outcome.SUCCESS)));

      assertThat(records(emf, AuditFilter.ALL, 0, 10))
          .singleElement()
          .satisfies(r -> assertThat(r.seq()).isEqualTo(1))
          .satisfies(r -> assertThat(r.entry().actor()).isEqualTo("dave"));
      assertThat(verify(emf)).isEqualTo(new Intact(1, head(db)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theChainIsIntactAfterManyAppendsAndReadsInBoundedPages(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      assertThat(verify(emf)).isEqualTo(new Intact(0, AuditHash.GENESIS));

      appendMany(emf, 250);

      try (EntityManager em = emf.createEntityManager()) {
        em.getTransaction().begin();
        AuditVerification result = new JpaAuditLog(em, SMALL_PAGE).verify();
        // Columns, not entities: nothing piled up in the persistence context on the way.
        assertThat(em.unwrap(Session.class).getStatistics().getEntityCount()).isZero();
        em.getTransaction().commit();
        assertThat(result).isEqualTo(new Intact(250, head(db)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void concurrentAppendsFormOneUnbrokenChain(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      int threads = 6;
      int each = 40;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Callable<Void>> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String actor = "user" + t;
          appenders.add(
              () -> {
                for (int i = 0; i < each; i++) {
                  inTransaction(
                      emf, log -> log.append(entry(Instant.now(), actor, Outcome.SUCCESS)));
                }
                return null;
              });
        }
        for (Future<Void> done : pool.invokeAll(appenders)) {
          done.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(verify(emf)).isEqualTo(new Intact(threads * each, head(db)));
      assertThat(count(db, "SELECT COUNT(DISTINCT seq) FROM audit_record"))
          .isEqualTo(threads * each);
      assertThat(count(db, "SELECT MAX(seq) FROM audit_record")).isEqualTo(threads * each);
      for (int t = 0; t < threads; t++) {
        String actor = "user" + t;
        assertThat(countOf(emf, AuditFilter.ALL.withActor(actor))).isEqualTo(each);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSummaryChangedInSqlIsFoundAtThatRecord(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 40);
      long id = count(db, "SELECT id FROM audit_record WHERE seq = 23");

      execute(db, "UPDATE audit_record SET summary = 'nothing to see' WHERE seq = 23");

      Broken broken = (Broken) verify(emf);
      assertThat(broken.seq()).isEqualTo(23);
      assertThat(broken.id()).isEqualTo(OptionalLong.of(id));
      assertThat(broken.reason()).isEqualTo(Reason.EDITED);
      assertThat(broken.intactBefore()).isEqualTo(22);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aValueTheLogNeverWritesIsAnEditNotAnError(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 10);

      execute(db, "UPDATE audit_record SET outcome = 'FORGIVEN' WHERE seq = 4");

      Broken broken = (Broken) verify(emf);
      assertThat(broken.seq()).isEqualTo(4);
      assertThat(broken.reason()).isEqualTo(Reason.EDITED);
      assertThat(broken.detail()).contains("FORGIVEN");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeletedRecordIsFound(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 30);
      long after = count(db, "SELECT id FROM audit_record WHERE seq = 13");

      execute(db, "DELETE FROM audit_record WHERE seq = 12");

      Broken broken = (Broken) verify(emf);
      assertThat(broken.reason()).isEqualTo(Reason.DELETED);
      assertThat(broken.seq()).isEqualTo(13);
      assertThat(broken.id()).isEqualTo(OptionalLong.of(after));
      assertThat(broken.detail()).contains("record 12 is missing");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deletedNewestRecordsAreFound(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 20);

      execute(db, "DELETE FROM audit_record WHERE seq >= 19");

      Broken broken = (Broken) verify(emf);
      assertThat(broken.reason()).isEqualTo(Reason.DELETED);
      assertThat(broken.seq()).isEqualTo(19);
      assertThat(broken.id()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRecordInsertedInSqlIsFound(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 5);

      execute(
          db,
          "INSERT INTO audit_record (seq, occurred_at, actor, actor_roles, action, outcome, hash,"
              + " prev_hash) VALUES (6, CURRENT_TIMESTAMP, 'mallory', '', 'model.delete',"
              + " 'SUCCESS', 'ab', 'cd')");

      Broken broken = (Broken) verify(emf);
      assertThat(broken.reason()).isEqualTo(Reason.INSERTED_OR_REORDERED);
      assertThat(broken.seq()).isEqualTo(6);
      assertThat(broken.detail()).contains("past the end of the chain");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void filtersPageNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      inTransaction(
          emf,
          log -> {
            log.append(audit(T0, "alice", "model.register", "model:fraud", Outcome.SUCCESS));
            log.append(
                audit(T0.plusSeconds(60), "bob", "model.delete", "model:fraud_v2", Outcome.DENIED));
            log.append(
                audit(
                    T0.plusSeconds(120), "alice", "feature.ingest", "view:FRAUD%", Outcome.FAILED));
            log.append(
                audit(T0.plusSeconds(180), "alice", "model_x", "view:fraud_x", Outcome.SUCCESS));
            log.append(audit(T0.plusSeconds(240), "carol", "login", null, Outcome.SUCCESS));
          });

      assertThat(seqs(emf, AuditFilter.ALL.withActor("alice"))).containsExactly(4L, 3L, 1L);
      assertThat(seqs(emf, AuditFilter.ALL.withActionPrefix("model."))).containsExactly(2L, 1L);
      // LIKE's wildcards in the text are taken literally.
      assertThat(seqs(emf, AuditFilter.ALL.withActionPrefix("model_"))).containsExactly(4L);
      assertThat(seqs(emf, AuditFilter.ALL.withTargetContaining("Fraud")))
          .containsExactly(4L, 3L, 2L, 1L);
      assertThat(seqs(emf, AuditFilter.ALL.withTargetContaining("raud%"))).containsExactly(3L);
      assertThat(seqs(emf, AuditFilter.ALL.withTargetContaining("d_v"))).containsExactly(2L);
      assertThat(seqs(emf, AuditFilter.ALL.withOutcome(Outcome.SUCCESS)))
          .containsExactly(5L, 4L, 1L);
      assertThat(seqs(emf, AuditFilter.ALL.between(T0.plusSeconds(60), T0.plusSeconds(180))))
          .containsExactly(3L, 2L);
      assertThat(seqs(emf, AuditFilter.ALL.between(T0.plusSeconds(100), null)))
          .containsExactly(5L, 4L, 3L);
      assertThat(seqs(emf, AuditFilter.ALL.withActor("alice").withOutcome(Outcome.FAILED)))
          .containsExactly(3L);
      assertThat(seqs(emf, AuditFilter.ALL.withActor("nobody"))).isEmpty();

      assertThat(records(emf, AuditFilter.ALL, 1, 2))
          .extracting(AuditRecord::seq)
          .containsExactly(4L, 3L);
      assertThat(records(emf, AuditFilter.ALL, 5, 2)).isEmpty();
      assertThat(countOf(emf, AuditFilter.ALL.withActor("alice"))).isEqualTo(3);
      assertThat(countOf(emf, AuditFilter.ALL)).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void exportsStreamEveryMatchingRecordNewestFirstPageByPage(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = entityManagerFactory(db)) {
      appendMany(emf, 60); // actors alternate alice, bob

      List<Long> alice = exported(emf, AuditFilter.ALL.withActor("alice"), 0, Long.MAX_VALUE);
      List<Long> all = exported(emf, AuditFilter.ALL, 0, Long.MAX_VALUE);
      List<Long> window = exported(emf, AuditFilter.ALL, 10, 15);

      assertThat(all).hasSize(60).isSortedAccordingTo((a, b) -> Long.compare(b, a));
      assertThat(all.getFirst()).isEqualTo(60);
      assertThat(alice).hasSize(30).allMatch(seq -> seq % 2 == 1);
      assertThat(window).containsExactlyElementsOf(all.subList(10, 25));
      assertThat(exported(emf, AuditFilter.ALL, 0, 0)).isEmpty();
      assertThat(exported(emf, AuditFilter.ALL, 59, 100)).containsExactly(1L);
    }
  }

  private static List<Long> exported(
      EntityManagerFactory emf, AuditFilter filter, long offset, long limit) {
    List<Long> seqs = new ArrayList<>();
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      new JpaAuditLog(em, SMALL_PAGE).forEach(filter, offset, limit, r -> seqs.add(r.seq()));
      em.getTransaction().commit();
    }
    return seqs;
  }

  private static List<Long> seqs(EntityManagerFactory emf, AuditFilter filter) {
    return records(emf, filter, 0, 100).stream().map(AuditRecord::seq).toList();
  }

  /** {@code n} records, actors alternating alice (odd places) and bob, ten to a transaction. */
  static void appendMany(EntityManagerFactory emf, int n) {
    for (int start = 0; start < n; start += 10) {
      int from = start;
      inTransaction(
          emf,
          log -> {
            for (int i = from; i < Math.min(n, from + 10); i++) {
              log.append(entry(T0.plusMillis(i), i % 2 == 0 ? "alice" : "bob", Outcome.SUCCESS));
            }
          });
    }
  }

  static AuditVerification verify(EntityManagerFactory emf) {
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      AuditVerification result = new JpaAuditLog(em, SMALL_PAGE).verify();
      em.getTransaction().commit();
      return result;
    }
  }

  static List<AuditRecord> records(
      EntityManagerFactory emf, AuditFilter filter, long offset, int limit) {
    try (EntityManager em = emf.createEntityManager()) {
      return new JpaAuditLog(em).find(filter, offset, limit);
    }
  }

  static long countOf(EntityManagerFactory emf, AuditFilter filter) {
    try (EntityManager em = emf.createEntityManager()) {
      return new JpaAuditLog(em).count(filter);
    }
  }

  /** The hash the chain head holds. */
  static String head(TestDatabase db) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT last_hash FROM audit_chain_head")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(TestDatabase db, String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static AuditEntry entry(Instant at, String actor, Outcome outcome) {
    return audit(at, actor, "model.register", "model:fraud", outcome);
  }

  static AuditEntry audit(Instant at, String actor, String action, String target, Outcome outcome) {
    return new AuditEntry(
        at,
        actor,
        List.of("data-scientist", "viewer"),
        action,
        target,
        "registered version 1",
        outcome,
        "req-1",
        "127.0.0.1");
  }

  static void inTransaction(EntityManagerFactory emf, Consumer<JpaAuditLog> work) {
    TestPersistence.inTransaction(emf, em -> work.accept(new JpaAuditLog(em)));
  }

  static EntityManagerFactory entityManagerFactory(TestDatabase db) {
    return TestPersistence.entityManagerFactory(db, AuditRecordEntity.class);
  }
}
