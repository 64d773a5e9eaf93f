package org.mlplatform.portal.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
      JsonFields.expect(json.next(), Event.START_OBJECT, "body", "a JSON object");
      List<String> features = null;
      String featureService = null;
      Map<String, List<Object>> entities = null;
      Map<String, List<Object>> requestContext = null;
      Boolean fullNames = null;
      for (Event event = json.next(); event != Event.END_OBJECT; event = json.next()) {
        String field = json.getString();
        Event value = json.next();
        switch (field) {
          case "features" -> features = JsonFields.strings(json, value, field);
          case "feature_service" -> featureService = JsonFields.string(json, value, field);
          case "entities" -> entities = JsonFields.columns(json, value, field);
          case "request_context" -> requestContext = JsonFields.columns(json, value, field);
          case "full_feature_names" -> fullNames = JsonFields.bool(value, field);
          default -> JsonFields.skip(json, value);
        }
      }
      return new Request(features, featureService, entities, requestContext, fullNames);
    } catch (JsonException | NoSuchElementException e) {
      throw new DomainValidationException("body", "malformed JSON: " + e.getMessage());
    }
  }
}
