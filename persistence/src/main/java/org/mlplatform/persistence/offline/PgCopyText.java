package org.mlplatform.persistence.offline;

import java.time.Instant;
import java.util.List;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;

/**
 * Writes rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash
 * escapes for tab, line breaks and backslash. Numbers use Java's shortest round-trip spelling,
 * which PostgreSQL parses back to the same float or double; timestamps are ISO-8601 in UTC.
 */
final class PgCopyText {

  private final List<FeatureType> types;
  private final int keys;

  PgCopyText(OfflineSql sql) {
    this.types = sql.types();
    this.keys = sql.table().joinKeys().size();
  }

  /** Appends one line: the staging sequence number, then the columns in stored order. */
  void appendRow(StringBuilder out, long seq, FeatureRow row) {
    out.append(seq);
    List<Object> keyValues = row.key().values();
    for (int i = 0; i < keys; i++) {
      out.append('\t');
      appendValue(out, types.get(i), keyValues.get(i));
    }
    out.append('\t');
    appendValue(out, FeatureType.TIMESTAMP, row.eventTime());
    for (int i = 0; i < row.valueCount(); i++) {
      out.append('\t');
      appendValue(out, types.get(keys + 1 + i), row.value(i));
    }
    out.append('\n');
  }

  static void appendValue(StringBuilder out, FeatureType type, Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    switch (type) {
      case INT32 -> out.append((int) (Integer) value);
      case INT64 -> out.append((long) (Long) value);
      case FLOAT32 -> out.append((float) (Float) value); // NaN and Infinity are valid input too
      case FLOAT64 -> out.append((double) (Double) value);
      case BOOL -> out.append((Boolean) value ? 't' : 'f');
      case TIMESTAMP -> out.append(ColumnCodec.stored((Instant) value));
      case STRING -> appendEscaped(out, (String) value);
    }
  }

  private static void appendEscaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
