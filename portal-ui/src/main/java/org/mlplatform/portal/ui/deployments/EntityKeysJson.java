package org.mlplatform.portal.ui.deployments;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;

/**
 * Reads entity keys as typed into the try panel: {@code {"customer_id": [1, 2]}}, one column per
 * join key, one value per entity row; a single value is one row ({@code {"customer_id": 1}}).
 * Numbers come out as {@link java.math.BigDecimal}, as the REST API's JSON binding gives them, so
 * the online store coerces keys the same way.
 */
final class EntityKeysJson {

  private EntityKeysJson() {}

  static Map<String, List<Object>> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainValidationException(
          "entities", "type the entity keys, for example {\"customer_id\": [1, 2]}");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new DomainValidationException("entities", "malformed JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      throw new DomainValidationException(
          "entities", "a JSON object of key columns, for example {\"customer_id\": [1, 2]}");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> column : object.entrySet()) {
      List<Object> values = new ArrayList<>();
      if (column.getValue() instanceof JsonArray array) {
        for (JsonValue item : array) {
          values.add(scalar(column.getKey(), item));
        }
      } else {
        values.add(scalar(column.getKey(), column.getValue()));
      }
      columns.put(column.getKey(), Collections.unmodifiableList(values));
    }
    return Collections.unmodifiableMap(columns);
  }

  private static Object scalar(String key, JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case STRING -> ((JsonString) value).getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY, OBJECT ->
          throw new DomainValidationException(
              "entities." + key, "key values are numbers or strings, not nested arrays or objects");
    };
  }
}
