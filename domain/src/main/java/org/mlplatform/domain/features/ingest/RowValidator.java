package org.mlplatform.domain.features.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Turns one row's raw values, placed by column slot (join keys, event timestamp, features: the
 * table's column order), into a {@link FeatureRow}, logging every problem it finds in the row.
 */
final class RowValidator {

  /** Timestamps every supported database stores and prints the same way (four-digit years). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final ProblemLog problems;
  private final List<String> names;
  private final FeatureType[] types;
  private final int keyCount;
  private final Map<String, Integer> slots = new HashMap<>();

  RowValidator(OfflineTable table, ProblemLog problems) {
    this.problems = problems;
    this.names = table.columnNames();
    this.keyCount = table.joinKeys().size();
    this.types = new FeatureType[names.size()];
    for (int i = 0; i < keyCount; i++) {
      types[i] = table.joinKeys().get(i).type();
    }
    types[keyCount] = FeatureType.TIMESTAMP;
    for (int i = 0; i < table.features().size(); i++) {
      types[keyCount + 1 + i] = table.features().get(i).type();
    }
    for (int i = 0; i < names.size(); i++) {
      slots.put(names.get(i), i);
    }
  }

  /** The slot of a column, or -1 when the table has no such column. */
  int slot(String column) {
    Integer slot = slots.get(column);
    return slot == null ? -1 : slot;
  }

  int columnCount() {
    return names.size();
  }

  String name(int slot) {
    return names.get(slot);
  }

  FeatureType type(int slot) {
    return types[slot];
  }

  /** The columns a row cannot do without: the join keys and the event timestamp. */
  boolean isRequired(int slot) {
    return slot <= keyCount;
  }

  /** Every known column, for error messages that tell the user what is allowed. */
  String expectedColumns() {
    return String.join(", ", names);
  }

  /** The validated row, or null when the row has problems (all of them logged). */
  FeatureRow toRow(long rowNumber, Object[] raw) {
    boolean valid = true;
    Object[] coerced = new Object[raw.length];
    for (int slot = 0; slot < raw.length; slot++) {
      if (raw[slot] == null) {
        if (isRequired(slot)) {
          problems.add(rowNumber, names.get(slot), "missing " + describe(slot));
          valid = false;
        }
        continue;
      }
      try {
        coerced[slot] =
            checked(
                raw[slot] instanceof String text
                    ? TextValues.coerce(types[slot], text)
                    : types[slot].coerce(raw[slot]));
      } catch (IllegalArgumentException e) {
        problems.add(rowNumber, names.get(slot), e.getMessage());
        valid = false;
      }
    }
    if (!valid) {
      return null;
    }
    Object[] keys = new Object[keyCount];
    System.arraycopy(coerced, 0, keys, 0, keyCount);
    Object[] features = new Object[raw.length - keyCount - 1];
    System.arraycopy(coerced, keyCount + 1, features, 0, features.length);
    return new FeatureRow(EntityKey.of(keys), (Instant) coerced[keyCount], features);
  }

  private String describe(int slot) {
    return slot < keyCount ? "join key" : "event timestamp";
  }

  /** Refuses values that coerce accepts but a database would refuse or store differently. */
  private static Object checked(Object value) {
    if (value instanceof Instant instant
        && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      throw new IllegalArgumentException("timestamp outside the years 0001 to 9999: " + instant);
    }
    if (value instanceof String text && text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("text must not contain the NUL character");
    }
    return value;
  }
}
