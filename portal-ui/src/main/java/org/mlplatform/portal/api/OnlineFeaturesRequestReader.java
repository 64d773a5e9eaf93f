package org.mlplatform.portal.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.portal.api.OnlineFeaturesResource.Request;

/**
 * Reads an online-features request with a streaming parser: it is the platform's hottest call, and
 * binding it with JSON-B allocated more than the lookup itself. Numbers come out as {@link
 * java.math.BigDecimal}, as JSON-B gives them, so the same key coercion applies. Unknown fields are
 * ignored, as JSON-B ignores them; anything else out of shape is a 400 naming the field.
 */
final class OnlineFeaturesRequestReader {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private OnlineFeaturesRequestReader() {}

  static Request read(InputStream body) {
    try (JsonParser json = PARSERS.createParser(body, StandardCharsets.UTF_8)) {
      if (!json.hasNext()) {
        throw new DomainValidationException("body", "a JSON body is required");
      }
      expect(json.next(), Event.START_OBJECT, "body", "a JSON object");
      List<String> features = null;
      String featureService = null;
      Map<String, List<Object>> entities = null;
      Map<String, List<Object>> requestContext = null;
      Boolean fullNames = null;
      for (Event event = json.next(); event != Event.END_OBJECT; event = json.next()) {
        String field = json.getString();
        Event value = json.next();
        switch (field) {
          case "features" -> features = strings(json, value, field);
          case "feature_service" -> featureService = string(json, value, field);
          case "entities" -> entities = columns(json, value, field);
          case "request_context" -> requestContext = columns(json, value, field);
          case "full_feature_names" -> fullNames = bool(value, field);
          default -> skip(json, value);
        }
      }
      return new Request(features, featureService, entities, requestContext, fullNames);
    } catch (JsonException | NoSuchElementException e) {
      throw new DomainValidationException("body", "malformed JSON: " + e.getMessage());
    }
  }

  private static List<String> strings(JsonParser json, Event value, String field) {
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

  private static String string(JsonParser json, Event value, String field) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    expect(value, Event.VALUE_STRING, field, "a string");
    return json.getString();
  }

  private static Boolean bool(Event value, String field) {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new DomainValidationException(field, "must be true or false");
    };
  }

  /** {@code {"name": [scalar, ...], ...}} in the order given. */
  private static Map<String, List<Object>> columns(JsonParser json, Event value, String field) {
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

  private static Object scalar(JsonParser json, Event value, String field) {
    return switch (value) {
      case VALUE_STRING -> json.getString();
      case VALUE_NUMBER -> json.getBigDecimal();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new DomainValidationException(field, "must be a string, number or boolean");
    };
  }

  private static void skip(JsonParser json, Event value) {
    if (value == Event.START_ARRAY) {
      json.skipArray();
    } else if (value == Event.START_OBJECT) {
      json.skipObject();
    }
  }

  private static void expect(Event actual, Event wanted, String field, String what) {
    if (actual != wanted) {
      throw new DomainValidationException(field, "must be " + what);
    }
  }
}
