package org.mlplatform.serving.inference;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.NoSuchElementException;

/**
 * A {@link JsonParser} that enforces {@link ReadLimits} as it goes: the nesting depth on every
 * array or object it enters, the length of every string and number it hands out, and the request's
 * running element count. Parsing never recurses, so hostile nesting costs no stack.
 */
final class JsonCursor {

  private final JsonParser parser;
  private final ReadLimits limits;
  private int depth;
  private long elements;

  JsonCursor(JsonParser parser, ReadLimits limits) {
    this.parser = parser;
    this.limits = limits;
  }

  ReadLimits limits() {
    return limits;
  }

  /** Arrays and objects open around the current event, counting one just started. */
  int depth() {
    return depth;
  }

  Event next() {
    Event event;
    try {
      event = parser.next();
    } catch (NoSuchElementException e) {
      throw new InferenceException("malformed JSON: the body ends before the request does");
    }
    switch (event) {
      case START_ARRAY, START_OBJECT -> {
        if (++depth > limits.maxDepth()) {
          throw new InferenceException(
              "the request nests JSON arrays and objects deeper than "
                  + limits.maxDepth()
                  + " levels");
        }
      }
      case END_ARRAY, END_OBJECT -> depth--;
      default -> {
        // scalars and keys do not change the depth
      }
    }
    return event;
  }

  /** Whether anything but whitespace follows the value just read. */
  boolean hasMore() {
    return parser.hasNext();
  }

  /** The current key or string, within the length limit. */
  String string() {
    return checkedLength(parser.getString());
  }

  /** The current number's JSON text, within the length limit. */
  String numberText() {
    return checkedLength(parser.getString());
  }

  boolean isIntegralNumber() {
    return parser.isIntegralNumber();
  }

  /** Skips the value that {@code first} starts, however deep (within the depth limit). */
  void skipValue(Event first) {
    if (first == Event.START_ARRAY || first == Event.START_OBJECT) {
      int outside = depth - 1;
      while (depth > outside) {
        next();
      }
    }
  }

  /** Counts one more tensor element against the request's limit. */
  void countElement() {
    if (++elements > limits.maxElements()) {
      throw tooManyElements();
    }
  }

  /**
   * Refuses a shape declaring more elements than the request has room left for, before any data.
   */
  void requireRoomFor(String label, long count) {
    if (count < 0 || count > limits.maxElements() - elements) {
      throw new InferenceException(
          InferenceException.PAYLOAD_TOO_LARGE,
          label
              + " declares more tensor elements than a request may hold ("
              + limits.maxElements()
              + ")");
    }
  }

  private InferenceException tooManyElements() {
    return new InferenceException(
        InferenceException.PAYLOAD_TOO_LARGE,
        "the request holds more than " + limits.maxElements() + " tensor elements");
  }

  private String checkedLength(String text) {
    if (text.length() > limits.maxStringLength()) {
      throw new InferenceException(
          InferenceException.PAYLOAD_TOO_LARGE,
          "the request holds a string or number longer than "
              + limits.maxStringLength()
              + " characters");
    }
    return text;
  }
}
