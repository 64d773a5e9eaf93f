package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineStoreException;

/** What differs between the supported databases for the offline store, and what does not. */
enum Dialect {
  H2,
  POSTGRESQL;

  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "H2" -> H2;
      case "PostgreSQL" -> POSTGRESQL;
      default ->
          throw new OfflineStoreException(
              "the offline store supports H2 and PostgreSQL, not " + product, null);
    };
  }

  /** The column type; the same spelling works on both databases. */
  static String columnType(FeatureType type) {
    return switch (type) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> "DOUBLE PRECISION";
      // Unbounded on PostgreSQL; up to 1,000,000 characters on H2 (TEXT would be a CLOB there).
      case STRING -> "VARCHAR";
      case BOOL -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
    };
  }

  static int jdbcType(FeatureType type) {
    return switch (type) {
      case INT32 -> Types.INTEGER;
      case INT64 -> Types.BIGINT;
      case FLOAT32 -> Types.REAL;
      case FLOAT64 -> Types.DOUBLE;
      case STRING -> Types.VARCHAR;
      case BOOL -> Types.BOOLEAN;
      case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
    };
  }

  /** The element type name {@link Connection#createArrayOf} understands for a join-key type. */
  String arrayElementType(FeatureType type) {
    return switch (type) {
      case INT32 -> this == H2 ? "INTEGER" : "int4";
      case INT64 -> this == H2 ? "BIGINT" : "int8";
      case STRING -> this == H2 ? "VARCHAR" : "text";
      default -> throw new IllegalArgumentException(type + " is not a join-key type");
    };
  }

  /** A cast of a bound array parameter to an array of the join key's column type. */
  String arrayParameter(FeatureType type) {
    return this == H2
        ? "CAST(? AS " + columnType(type) + " ARRAY)"
        : "CAST(? AS " + columnType(type) + "[])";
  }
}
