package org.mlplatform.portal.api;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;

/**
 * Reading the fields of a small JSON request with a streaming parser: each helper takes the event
 * of the value just read and answers a 400 naming the field when it is out of shape. Numbers come
 * out as {@link java.math.BigDecimal}, as JSON-B would give them.
 */
final class JsonFields {

  private JsonFields() {}

  static List<String> strings(JsonParser json, Event value, String field) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    expect(value, Event.START_ARRAY, field, "an array of strings");
    List<String> strings = new ArrayList<>();
    for (Event item = json.next(); item != Event.END_ARRAY; item = json.next()) {
      strings.add(string(json, item, field + "[" + strings.size() + "]"));
    }
    return strings;
  }

  static String string(JsonParser json, Event value, String field) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    expect(value, Event.VALUE_STRING, field, "a string");
    return json.getString();
  }

  static Boolean bool(Event value, String field) {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new DomainValidationException(field, "must be true or false");
    };
  }

  /** {@code {"name": [scalar, ...], ...}} in the order given. */
  static Map<String, List<Object>> columns(JsonParser json, Event value, String field) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    expect(value, Event.START_OBJECT, field, "an object of arrays");
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (Event event = json.next(); event != Event.END_OBJECT; event = json.next()) {
      String name = json.getString();
      String where = field + "." + name;
      Event array = json.next();
      if (array == Event.VALUE_NULL) {
        columns.put(name, null);
        continue;
      }
      expect(array, Event.START_ARRAY, where, "an array of values");
      List<Object> values = new ArrayList<>();
      for (Event item = json.next(); item != Event.END_ARRAY; item = json.next()) {
        values.add(scalar(json, item, where + "[" + values.size() + "]"));
      }
      columns.put(name, values);
    }
    return columns;
  }

  static Object scalar(JsonParser json, Event value, String field) {
    return switch (value) {
      case VALUE_STRING -> json.getString();
      case VALUE_NUMBER -> json.getBigDecimal();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new DomainValidationException(field, "must be a string, number or boolean");
    };
  }

  /**
   * Skips the value that started with {@code value}. Counts depth over {@link JsonParser#next}
   * rather than calling {@code skipArray}/{@code skipObject}: Parsson's loop forever on a body that
   * ends inside the value (eclipse-ee4j/parsson#23), while {@code next} throws at the end of input.
   */
  /** Nesting an ignored field may have: far beyond any real body, well inside Parsson's limit. */
  static final int MAX_SKIPPED_DEPTH = 500;

  static void skip(JsonParser json, Event value) {
    if (value != Event.START_ARRAY && value != Event.START_OBJECT) {
      return;
    }
    for (int depth = 1; depth > 0; ) {
      switch (json.next()) {
        case START_ARRAY, START_OBJECT -> {
          if (++depth > MAX_SKIPPED_DEPTH) {
            // Parsson would stop at 1,000 with a bare RuntimeException; this one names the cause.
            throw new DomainValidationException(
                "body", "an ignored field is nested deeper than " + MAX_SKIPPED_DEPTH + " levels");
          }
        }
        case END_ARRAY, END_OBJECT -> depth--;
        default -> {}
      }
    }
  }

  static void expect(Event actual, Event wanted, String field, String what) {
    if (actual != wanted) {
      throw new DomainValidationException(field, "must be " + what);
    }
  }
}
