package org.mlplatform.portal.features;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mlplatform.domain.DomainValidationException;

/**
 * A JSON array of flat objects read one object at a time, so a million-row upload never sits in
 * memory. Values become String, BigDecimal, Boolean or null; a nested value is refused.
 */
final class JsonRows implements Iterator<Map<String, Object>> {

  private final JsonParser parser;
  private Map<String, Object> next;
  private boolean done;
  private int row;

  JsonRows(InputStream body) {
    this.parser = Json.createParser(body);
    try {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw new DomainValidationException("body", "expected a JSON array of row objects");
      }
    } catch (JsonParsingException e) {
      throw malformed(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = readObject();
    }
    return next != null;
  }

  @Override
  public Map<String, Object> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Map<String, Object> row = next;
    next = null;
    return row;
  }

  private Map<String, Object> readObject() {
    try {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_ARRAY) {
        done = true;
        return null;
      }
      row++;
      if (event != JsonParser.Event.START_OBJECT) {
        throw new DomainValidationException("body", "row " + row + " is not a JSON object");
      }
      Map<String, Object> values = new HashMap<>();
      while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
        String column = parser.getString();
        values.put(column, value(parser.next(), column));
      }
      return values;
    } catch (JsonParsingException | NoSuchElementException e) {
      throw malformed(e);
    }
  }

  private Object value(JsonParser.Event event, String column) {
    return switch (event) {
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER -> parser.getBigDecimal();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default ->
          throw new DomainValidationException(
              "body", "row " + row + ", column " + column + ": nested values are not allowed");
    };
  }

  private DomainValidationException malformed(RuntimeException e) {
    return new DomainValidationException(
        "body", "malformed JSON near row " + Math.max(row, 1) + ": " + e.getMessage());
  }
}
