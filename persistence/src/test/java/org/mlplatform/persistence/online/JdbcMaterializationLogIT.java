package org.mlplatform.persistence.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.migration.SchemaMigrator;
import org.mlplatform.persistence.online.JdbcMaterializationLog.Run;

/** The log of materialisation runs on the migrated schema, H2 and PostgreSQL. */
class JdbcMaterializationLogIT {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant t(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theLogKeepsTheFurthestEndAndTheLatestRunPerViewVersion(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      new SchemaMigrator(db.dataSource()).migrate();
      JdbcMaterializationLog log = new JdbcMaterializationLog(db.dataSource());
      ResourceName view = new ResourceName("txn_stats");

      assertThat(log.lastMaterializedUntil(view, 1)).isEmpty();
      log.record(new Run(view, 1, t(10), 500, t(11)));
      log.record(new Run(view, 1, t(5), 20, t(12))); // an older range re-run
      log.record(new Run(view, 2, Instant.parse("2026-01-01T00:00:00.123456Z"), 0, t(13)));

      assertThat(log.lastMaterializedUntil(view, 1)).contains(t(10));
      assertThat(log.last(view, 1)).contains(new Run(view, 1, t(10), 20, t(12)));
      assertThat(log.lastMaterializedUntil(view, 2))
          .contains(Instant.parse("2026-01-01T00:00:00.123456Z"));
      assertThat(log.last(new ResourceName("other"), 1)).isEmpty();
    }
  }
}
