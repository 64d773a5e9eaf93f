package org.mlplatform.persistence.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the platform's schema up to date. Portable migrations live in {@code db/migration/common};
 * a database that needs its own SQL gets a {@code db/migration/<vendor>} folder ({@code h2}, {@code
 * postgresql}). Every file is listed in {@code db/migration/index.txt} (see {@link
 * IndexedMigrations} for why).
 */
public final class SchemaMigrator {

  private final DataSource dataSource;

  public SchemaMigrator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Applies pending migrations and returns the schema version now in place. */
  public String migrate() {
    Flyway flyway = flyway();
    MigrateResult result = flyway.migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : flyway.info().current().getVersion().getVersion();
  }

  private Flyway flyway() {
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .resourceProvider(new IndexedMigrations(loader, vendor()))
        .table("mlp_schema_history")
        .load();
  }

  /** The folder name for the connected database's own migrations. */
  private String vendor() {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
