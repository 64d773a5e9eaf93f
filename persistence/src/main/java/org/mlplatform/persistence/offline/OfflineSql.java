package org.mlplatform.persistence.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The SQL text for one view version's table. Every identifier is quoted: names are already
 * restricted to lower-case letters, digits and underscores, and quoting keeps them lower case on H2
 * too and safe from reserved words ({@code value}, {@code order}).
 */
final class OfflineSql {

  /**
   * When a row was stored or its values last changed (H2's MERGE also refreshes it when an
   * unchanged row is re-sent). The leading underscore keeps it apart from every feature name.
   */
  static final String INGESTED_AT = "_ingested_at";

  static final String STAGE = "mlp_offline_stage";

  private final OfflineTable table;
  private final String name;
  private final List<String> columns;
  private final List<String> keyColumns;
  private final List<String> featureColumns;
  private final List<FeatureType> types;

  OfflineSql(OfflineTable table) {
    this.table = table;
    this.name = quote(table.tableName());
    this.columns = table.columnNames().stream().map(OfflineSql::quote).toList();
    this.keyColumns = columns.subList(0, table.joinKeys().size() + 1); // with event_timestamp
    this.featureColumns = columns.subList(keyColumns.size(), columns.size());
    List<FeatureType> all = new ArrayList<>();
    table.joinKeys().forEach(k -> all.add(k.type()));
    all.add(FeatureType.TIMESTAMP);
    table.features().forEach(f -> all.add(f.type()));
    this.types = List.copyOf(all);
  }

  static String quote(String identifier) {
    if (identifier.indexOf('"') >= 0) {
      throw new IllegalArgumentException("not an SQL identifier: " + identifier);
    }
    return '"' + identifier + '"';
  }

  OfflineTable table() {
    return table;
  }

  /** The types of the columns in stored order: join keys, event timestamp, features. */
  List<FeatureType> types() {
    return types;
  }

  String createTable() {
    return "CREATE TABLE IF NOT EXISTS "
        + name
        + " ("
        + columnDefinitions(" NOT NULL")
        + ", "
        + quote(INGESTED_AT)
        + " TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("
        + String.join(", ", keyColumns)
        + "))";
  }

  String count() {
    return "SELECT COUNT(*) FROM " + name;
  }

  /** Rows up to a time (bound), ordered for the as-of join. */
  String scan() {
    return selectWhere() + ts() + " <= ?" + orderBy("", " ASC");
  }

  /**
   * Rows in a time range (two bounds), in no particular order: a sequential read, no sort and no
   * walk of the primary key, which for a million rows took the database several times as long.
   */
  String scanRange() {
    return selectWhere() + ts() + " >= ? AND " + ts() + " <= ?";
  }

  /**
   * Like {@link #scanRange()}, for the entities in one bound array per join key (the wanted keys,
   * zipped); the time bounds follow the arrays.
   */
  String scanRangeKeys(Dialect dialect) {
    int keys = table.joinKeys().size();
    String selected = String.join(", ", columns.stream().map(c -> "t." + c).toList());
    String window = " t." + ts() + " >= ? AND t." + ts() + " <= ?";
    if (keys == 1 && dialect == Dialect.POSTGRESQL) {
      // PostgreSQL hashes a large "= ANY(array)" list: one pass over the table or its index.
      return "SELECT "
          + selected
          + " FROM "
          + name
          + " t WHERE t."
          + columns.getFirst()
          + " = ANY("
          + dialect.arrayParameter(types.getFirst())
          + ") AND"
          + window;
    }
    StringJoiner arrays = new StringJoiner(", ", " JOIN UNNEST(", ")");
    StringJoiner aliases = new StringJoiner(", ", " AS q(", ")");
    StringJoiner on = new StringJoiner(" AND ", " ON ", "");
    for (int i = 0; i < keys; i++) {
      arrays.add(dialect.arrayParameter(types.get(i)));
      aliases.add("c" + i);
      on.add("t." + columns.get(i) + " = q.c" + i);
    }
    return "SELECT " + selected + " FROM " + name + " t" + arrays + aliases + on + " WHERE"
        + window;
  }

  /** Rows in [from, to) (bound), newest first within each key, so the first per key is latest. */
  String latestCandidates() {
    return selectWhere() + ts() + " >= ? AND " + ts() + " < ?" + orderBy("", " DESC");
  }

  /** Every stored column, then the start of a WHERE clause. */
  private String selectWhere() {
    return "SELECT " + String.join(", ", columns) + " FROM " + name + " WHERE ";
  }

  /** H2's upsert: one row per execution (batched), updating it when the key exists. */
  String h2Merge() {
    return "MERGE INTO "
        + name
        + " ("
        + insertColumns()
        + ") KEY ("
        + String.join(", ", keyColumns)
        + ") VALUES ("
        + parameterMarks(columns.size() + 1)
        + ")";
  }

  /** PostgreSQL's batched upsert, used when COPY is unavailable. */
  String pgUpsert() {
    return "INSERT INTO "
        + name
        + " ("
        + insertColumns()
        + ") VALUES ("
        + parameterMarks(columns.size() + 1)
        + ")"
        + onConflictUpdate();
  }

  String pgCreateStage() {
    return "CREATE TEMPORARY TABLE "
        + quote(STAGE)
        + " (\"seq\" BIGINT, "
        + columnDefinitions("")
        + ") ON COMMIT DROP";
  }

  /** COPY straight into the view's table, ingestion time included. */
  String pgCopyTable() {
    return "COPY " + name + " (" + insertColumns() + ") FROM STDIN";
  }

  String pgCopyStage() {
    return "COPY " + quote(STAGE) + " (\"seq\", " + String.join(", ", columns) + ") FROM STDIN";
  }

  /** Moves the staged rows in; of rows repeated within one upload the last one sent wins. */
  String pgMergeStage() {
    return pgInsertStage() + onConflictUpdate();
  }

  /**
   * Like {@link #pgMergeStage()} without the conflict handling, for a table that is empty and
   * locked: a plain insert costs about half of an upsert per row.
   */
  String pgInsertStage() {
    return "INSERT INTO "
        + name
        + " ("
        + insertColumns()
        + ") SELECT DISTINCT ON ("
        + String.join(", ", keyColumns)
        + ") "
        + String.join(", ", columns)
        + ", CAST(? AS TIMESTAMP WITH TIME ZONE) FROM "
        + quote(STAGE)
        + " ORDER BY "
        + String.join(", ", keyColumns)
        + ", \"seq\" DESC";
  }

  /** One row if the table has any (committed, or written by this transaction). */
  String anyRow() {
    return "SELECT 1 FROM " + name + " LIMIT 1";
  }

  /**
   * Keeps other writers out until commit (they wait), readers not: taken before deciding that the
   * table is empty, so that no concurrent upload can fill it between the check and the insert.
   */
  String pgLockAgainstWriters() {
    return "LOCK TABLE " + name + " IN SHARE ROW EXCLUSIVE MODE";
  }

  private String columnDefinitions(String keyConstraint) {
    StringJoiner definitions = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      definitions.add(
          columns.get(i)
              + " "
              + Dialect.columnType(types.get(i))
              + (i < keyColumns.size() ? keyConstraint : ""));
    }
    return definitions.toString();
  }

  private String insertColumns() {
    return String.join(", ", columns) + ", " + quote(INGESTED_AT);
  }

  /**
   * Replaces the stored values, unless they are the same: a re-sent upload then costs an index
   * lookup per row instead of a new row version (no table bloat, far less WAL).
   */
  private String onConflictUpdate() {
    StringJoiner updates = new StringJoiner(", ");
    featureColumns.forEach(c -> updates.add(c + " = EXCLUDED." + c));
    updates.add(quote(INGESTED_AT) + " = EXCLUDED." + quote(INGESTED_AT));
    StringJoiner stored = new StringJoiner(", ", "(", ")");
    StringJoiner sent = new StringJoiner(", ", "(", ")");
    featureColumns.forEach(c -> stored.add(name + "." + c));
    featureColumns.forEach(c -> sent.add("EXCLUDED." + c));
    return " ON CONFLICT ("
        + String.join(", ", keyColumns)
        + ") DO UPDATE SET "
        + updates
        + " WHERE "
        + stored
        + " IS DISTINCT FROM "
        + sent;
  }

  private String ts() {
    return keyColumns.getLast();
  }

  /** Grouped by entity key (ascending), then by event time in the given direction. */
  private String orderBy(String qualifier, String timeDirection) {
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", timeDirection);
    keyColumns.forEach(c -> order.add(qualifier + c));
    return order.toString();
  }

  private static String parameterMarks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
