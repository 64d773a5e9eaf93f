package org.mlplatform.portal.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.portal.serving.EntityPredictions;

/**
 * Parses {@code {"entities": {...}, "features": {...}, "version": 3, "routingKey": "..."}} with a
 * streaming parser, as the online lookup does: prediction by key is a hot path, and binding with
 * JSON-B allocated several times what the prediction itself does.
 */
final class PredictRequestReader {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private PredictRequestReader() {}

  static EntityPredictions.Request read(InputStream body) {
    try (JsonParser json = PARSERS.createParser(body, StandardCharsets.UTF_8)) {
      if (!json.hasNext()) {
        throw new DomainValidationException("body", "a JSON body is required");
      }
      JsonFields.expect(json.next(), Event.START_OBJECT, "body", "a JSON object");
      Map<String, java.util.List<Object>> entities = null;
      Map<String, java.util.List<Object>> features = null;
      OptionalInt version = OptionalInt.empty();
      String routingKey = null;
      for (Event event = json.next(); event != Event.END_OBJECT; event = json.next()) {
        String field = json.getString();
        Event value = json.next();
        switch (field) {
          case "entities" -> entities = JsonFields.columns(json, value, field);
          case "features" -> features = JsonFields.columns(json, value, field);
          case "version" -> version = version(json, value);
          case "routingKey" -> routingKey = JsonFields.string(json, value, field);
          default -> JsonFields.skip(json, value);
        }
      }
      return new EntityPredictions.Request(
          entities, Objects.requireNonNullElse(features, Map.of()), version, routingKey);
    } catch (JsonException | NoSuchElementException e) {
      throw new DomainValidationException("body", "malformed JSON: " + e.getMessage());
    }
  }

  private static OptionalInt version(JsonParser json, Event value) {
    if (value == Event.VALUE_NULL) {
      return OptionalInt.empty();
    }
    if (value != Event.VALUE_NUMBER
        || !json.isIntegralNumber()
        || json.getLong() < 1
        || json.getLong() > Integer.MAX_VALUE) {
      throw new DomainValidationException("version", "a version number from 1");
    }
    return OptionalInt.of(json.getInt());
  }
}
