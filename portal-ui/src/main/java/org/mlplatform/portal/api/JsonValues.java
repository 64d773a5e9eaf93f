package org.mlplatform.portal.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes feature values with a streaming {@link JsonGenerator}, for the answers too large or too
 * frequent to build as objects first. JSON has no NaN or infinity: they are written as null.
 * Timestamps and other values are written as their ISO-8601 or {@code toString()} text.
 */
final class JsonValues {

  /** Looked up once: {@code Json.createGenerator} searches for a provider on every call. */
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  private JsonValues() {}

  /** A generator writing UTF-8 to {@code out}. */
  static JsonGenerator generator(OutputStream out) {
    return GENERATORS.createGenerator(out, StandardCharsets.UTF_8);
  }

  /** Writes a value into the current array. */
  static void write(JsonGenerator json, Object value) {
    switch (value) {
      case null -> json.writeNull();
      case Integer i -> json.write(i);
      case Long l -> json.write(l);
      case Float f ->
          writeDecimal(json, Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null);
      case Double d -> writeDecimal(json, Double.isFinite(d) ? BigDecimal.valueOf(d) : null);
      case Boolean b -> json.write(b);
      default -> json.write(value.toString());
    }
  }

  /** Writes a named value into the current object. */
  static void write(JsonGenerator json, String name, Object value) {
    json.writeKey(name);
    write(json, value);
  }

  private static void writeDecimal(JsonGenerator json, BigDecimal value) {
    if (value == null) {
      json.writeNull();
    } else {
      json.write(value);
    }
  }
}
