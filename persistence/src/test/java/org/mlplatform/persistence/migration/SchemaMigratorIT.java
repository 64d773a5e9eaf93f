package org.mlplatform.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.persistence.TestDatabase;

class SchemaMigratorIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void migratesAnEmptyDatabaseAndIsIdempotent(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      SchemaMigrator migrator = new SchemaMigrator(db.dataSource());

      String first = migrator.migrate();
      String second = migrator.migrate();

      String newest =
          IndexedMigrations.readIndex(getClass().getClassLoader()).stream()
              .map(p -> p.substring(p.lastIndexOf("/V") + 2, p.indexOf("__")))
              .max(java.util.Comparator.comparingInt(Integer::parseInt))
              .orElseThrow();
      assertThat(first).isEqualTo(newest);
      assertThat(second).isEqualTo(first);
      try (Connection c = db.dataSource().getConnection();
          ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        boolean found = false;
        while (tables.next()) {
          found |= tables.getString("TABLE_NAME").equalsIgnoreCase("audit_record");
        }
        assertThat(found).as("audit_record table exists on " + kind).isTrue();
      }
    }
  }
}
