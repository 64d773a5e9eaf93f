package org.mlplatform.persistence.online;

import static org.mlplatform.persistence.offline.JdbcColumns.columnType;
import static org.mlplatform.persistence.offline.JdbcColumns.quote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The SQL text for one view version's online table: the offline table's columns, but keyed by the
 * join keys alone (one row per entity), plus when the row was last materialised. Identifiers are
 * quoted as in the offline store.
 */
final class OnlineSql {

  /** When the row's values last changed. The underscore keeps it apart from feature names. */
  static final String MATERIALIZED_AT = "_materialized_at";

  private static final String OFFLINE_PREFIX = "fv_";

  private final OfflineTable table;
  private final String name;
  private final List<String> columns;
  private final List<String> keyColumns;
  private final String eventTime;
  private final List<String> featureColumns;
  private final List<FeatureType> types;

  OnlineSql(OfflineTable table) {
    this.table = table;
    this.name = quote(tableName(table));
    this.columns = table.columnNames().stream().map(c -> quote(c)).toList();
    int keys = table.joinKeys().size();
    this.keyColumns = columns.subList(0, keys);
    this.eventTime = columns.get(keys);
    this.featureColumns = columns.subList(keys + 1, columns.size());
    List<FeatureType> all = new ArrayList<>();
    table.joinKeys().forEach(k -> all.add(k.type()));
    all.add(FeatureType.TIMESTAMP);
    table.features().forEach(f -> all.add(f.type()));
    this.types = List.copyOf(all);
  }

  /**
   * {@code ol_<view>_v<n>}: the offline table's name with another prefix of the same length, so it
   * stays within 63 characters and keeps the offline name's checksum for long view names.
   */
  static String tableName(OfflineTable table) {
    String offline = table.tableName();
    if (!offline.startsWith(OFFLINE_PREFIX)) {
      throw new IllegalStateException("unexpected offline table name " + offline);
    }
    return "ol_" + offline.substring(OFFLINE_PREFIX.length());
  }

  OfflineTable table() {
    return table;
  }

  /** Column types in stored order: join keys, event timestamp, features. */
  List<FeatureType> types() {
    return types;
  }

  String createTable() {
    StringJoiner definitions = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      // Features may be null; keys and the event time never are.
      boolean required = i <= keyColumns.size();
      definitions.add(
          columns.get(i) + " " + columnType(types.get(i)) + (required ? " NOT NULL" : ""));
    }
    return "CREATE TABLE IF NOT EXISTS "
        + name
        + " ("
        + definitions
        + ", "
        + quote(MATERIALIZED_AT)
        + " TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("
        + String.join(", ", keyColumns)
        + "))";
  }

  String count() {
    return "SELECT COUNT(*) FROM " + name;
  }

  /** The rows of {@code keyCount} entities, by primary key; parameters are the keys in order. */
  String lookup(int keyCount) {
    StringJoiner list = new StringJoiner(", ", " IN (", ")");
    String one =
        keyColumns.size() == 1
            ? "?"
            : "(" + String.join(", ", Collections.nCopies(keyColumns.size(), "?")) + ")";
    for (int i = 0; i < keyCount; i++) {
      list.add(one);
    }
    // A row-value IN on composite keys: both databases turn it into primary-key probes.
    String probe =
        keyColumns.size() == 1 ? keyColumns.getFirst() : "(" + String.join(", ", keyColumns) + ")";
    return "SELECT " + String.join(", ", columns) + " FROM " + name + " WHERE " + probe + list;
  }

  /**
   * PostgreSQL's conditional upsert; parameters are the columns in stored order, then the
   * materialisation time. The {@code WHERE} keeps newer stored rows, and skips rewriting a row that
   * would not change (re-runs then cost an index probe, not a new row version).
   */
  String pgUpsert() {
    StringJoiner updates = new StringJoiner(", ");
    updates.add(eventTime + " = EXCLUDED." + eventTime);
    featureColumns.forEach(c -> updates.add(c + " = EXCLUDED." + c));
    updates.add(quote(MATERIALIZED_AT) + " = EXCLUDED." + quote(MATERIALIZED_AT));
    return "INSERT INTO "
        + name
        + " AS t ("
        + insertColumns()
        + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size() + 1, "?"))
        + ") ON CONFLICT ("
        + String.join(", ", keyColumns)
        + ") DO UPDATE SET "
        + updates
        + " WHERE "
        + newer("EXCLUDED.", "t.");
  }

  /**
   * H2's equivalent: {@code MERGE ... USING} one parameter row, updating only under the same
   * condition (H2's {@code MERGE ... KEY} cannot be conditional). Same parameters as {@link
   * #pgUpsert}.
   */
  String h2Merge() {
    StringJoiner source = new StringJoiner(", ", "SELECT ", "");
    for (int i = 0; i < columns.size(); i++) {
      source.add("CAST(? AS " + columnType(types.get(i)) + ") AS " + columns.get(i));
    }
    source.add("CAST(? AS TIMESTAMP WITH TIME ZONE) AS " + quote(MATERIALIZED_AT));
    StringJoiner on = new StringJoiner(" AND ");
    keyColumns.forEach(c -> on.add("t." + c + " = s." + c));
    StringJoiner updates = new StringJoiner(", ");
    updates.add(eventTime + " = s." + eventTime);
    featureColumns.forEach(c -> updates.add(c + " = s." + c));
    updates.add(quote(MATERIALIZED_AT) + " = s." + quote(MATERIALIZED_AT));
    StringJoiner values = new StringJoiner(", ");
    columns.forEach(c -> values.add("s." + c));
    values.add("s." + quote(MATERIALIZED_AT));
    return "MERGE INTO "
        + name
        + " t USING ("
        + source
        + ") s ON ("
        + on
        + ") WHEN MATCHED AND ("
        + newer("s.", "t.")
        + ") THEN UPDATE SET "
        + updates
        + " WHEN NOT MATCHED THEN INSERT ("
        + insertColumns()
        + ") VALUES ("
        + values
        + ")";
  }

  /** The incoming row is newer, or as new with different values (a corrected offline row). */
  private String newer(String incoming, String stored) {
    StringJoiner was = new StringJoiner(", ", "ROW(", ")");
    StringJoiner now = new StringJoiner(", ", "ROW(", ")");
    featureColumns.forEach(c -> was.add(stored + c));
    featureColumns.forEach(c -> now.add(incoming + c));
    return incoming
        + eventTime
        + " > "
        + stored
        + eventTime
        + " OR ("
        + incoming
        + eventTime
        + " = "
        + stored
        + eventTime
        + " AND "
        + was
        + " IS DISTINCT FROM "
        + now
        + ")";
  }

  private String insertColumns() {
    return String.join(", ", columns) + ", " + quote(MATERIALIZED_AT);
  }
}
