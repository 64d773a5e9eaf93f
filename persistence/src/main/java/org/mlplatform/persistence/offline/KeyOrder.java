package org.mlplatform.persistence.offline;

import java.time.Instant;
import java.util.List;
import org.mlplatform.domain.features.offline.FeatureRow;

/**
 * Whether a row comes strictly after another in (join keys, stored event time) order. Rows that
 * come in strictly increasing order cannot repeat one another, so they can be copied into a table
 * with a primary key without a duplicate-key failure. Times compare as stored (to the microsecond):
 * two instants a nanosecond apart are one stored row.
 */
final class KeyOrder {

  private KeyOrder() {}

  /**
   * @return true only when {@code row} is certainly above {@code previous}; false when it is not,
   *     or when the two might be one row in the database (text with unpaired surrogates, which the
   *     UTF-8 encoding can merge)
   */
  static boolean isAbove(FeatureRow row, FeatureRow previous) {
    List<Object> keys = row.key().values();
    List<Object> before = previous.key().values();
    for (int i = 0; i < keys.size(); i++) {
      Object value = keys.get(i);
      Object other = before.get(i);
      if (value instanceof String text && (hasSurrogate(text) || hasSurrogate((String) other))) {
        return false;
      }
      int order = compare(value, other);
      if (order != 0) {
        return order > 0;
      }
    }
    Instant time = row.eventTime();
    Instant earlier = previous.eventTime();
    if (time.getEpochSecond() != earlier.getEpochSecond()) {
      return time.getEpochSecond() > earlier.getEpochSecond();
    }
    return time.getNano() / 1_000 > earlier.getNano() / 1_000;
  }

  /** The natural order of join-key values (INT32, INT64 or STRING) of one column. */
  private static int compare(Object value, Object other) {
    return switch (value) {
      case Long l -> Long.compare(l, (Long) other);
      case Integer i -> Integer.compare(i, (Integer) other);
      case String s -> s.compareTo((String) other);
      default ->
          throw new IllegalArgumentException(
              "a join key value is not of a join-key type: " + value.getClass().getSimpleName());
    };
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
