package org.mlplatform.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.count;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.entityManagerFactory;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.entry;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.execute;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.head;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.inTransaction;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.records;
import static org.mlplatform.persistence.audit.JpaAuditLogIT.verify;

import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.AuditHash;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.AuditVerification.Intact;
import org.mlplatform.domain.audit.AuditVerification.Reason;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;

/**
 * Records written before the hash chain (schema V12): migration V13 numbers them in the order they
 * were written, and the first append or verification after it seals them into the chain, once.
 */
class AuditChainMigrationIT {

  private static final Instant T0 = Instant.parse("2025-12-01T08:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void recordsFromBeforeTheChainAreNumberedAndSealedByTheFirstAppend(TestDatabase.Kind kind)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      writeBeforeTheChain(db, 12);

      try (EntityManagerFactory emf = entityManagerFactory(db)) {
        assertThat(count(db, "SELECT COUNT(*) FROM audit_record WHERE hash IS NULL")).isEqualTo(12);
        assertThat(count(db, "SELECT last_seq FROM audit_chain_head")).isEqualTo(12);

        inTransaction(
            emf, log -> log.append(entry(T0.plusSeconds(3600), "carol", Outcome.SUCCESS)));

        assertThat(count(db, "SELECT COUNT(*) FROM audit_record WHERE hash IS NULL")).isZero();
        assertThat(verify(emf)).isEqualTo(new Intact(13, head(db)));
        List<AuditRecord> records = records(emf, AuditFilter.ALL, 0, 20);
        assertThat(records).extracting(AuditRecord::seq).startsWith(13L, 12L).endsWith(1L);
        // In the order they were written: the oldest legacy record is place 1.
        assertThat(records.getLast().entry().summary()).isEqualTo("legacy 0");
        assertThat(records.getLast().prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(records.getFirst().entry().actor()).isEqualTo("carol");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVerificationBeforeAnyAppendSealsThemToo(TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      writeBeforeTheChain(db, 5);

      try (EntityManagerFactory emf = entityManagerFactory(db)) {
        assertThat(verify(emf)).isEqualTo(new Intact(5, head(db)));
        String sealed = head(db);

        // Sealing happens once: later verifications and appends build on it.
        assertThat(verify(emf)).isEqualTo(new Intact(5, sealed));
        inTransaction(emf, log -> log.append(entry(T0.plusSeconds(60), "carol", Outcome.SUCCESS)));
        assertThat(records(emf, AuditFilter.ALL, 0, 1).getFirst().prevHash()).isEqualTo(sealed);

        // And from then on they are as protected as any record.
        execute(db, "UPDATE audit_record SET actor = 'mallory' WHERE seq = 2");
        Broken broken = (Broken) verify(emf);
        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.reason()).isEqualTo(Reason.EDITED);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anEmptyLogStartsSealed(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      new SchemaMigrator(db.dataSource()).migrate();

      assertThat(head(db)).isEqualTo(AuditHash.GENESIS);
      assertThat(count(db, "SELECT last_seq FROM audit_chain_head")).isZero();
    }
  }

  /** Migrates to V12 (before the chain) and writes {@code n} records the way V12's code did. */
  private static void writeBeforeTheChain(TestDatabase db, int n) throws SQLException {
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration/common")
        .table("mlp_schema_history")
        .target("12")
        .load()
        .migrate();
    for (int i = 0; i < n; i++) {
      if (i == 2) {
        insertBeforeTheChain(db, T0, "never");
      }
      insertBeforeTheChain(db, T0.plusSeconds(i), "legacy " + i);
    }
    // Ids with a gap, as rolled-back transactions leave them: numbering must not care.
    execute(db, "DELETE FROM audit_record WHERE summary = 'never'");
  }

  private static void insertBeforeTheChain(TestDatabase db, Instant at, String summary)
      throws SQLException {
    execute(
        db,
        "INSERT INTO audit_record (occurred_at, actor, actor_roles, action, target, summary,"
            + " outcome, request_id, client_address) VALUES (TIMESTAMP WITH TIME ZONE '"
            + at.toString().replace('T', ' ').replace("Z", "+00:00")
            + "', 'alice', 'admin,viewer', 'model.update', 'model:m', '"
            + summary
            + "', 'SUCCESS', NULL, '10.0.0.1')");
  }
}
