package org.mlplatform.serving.inference;

import jakarta.json.stream.JsonParser.Event;
import java.util.Arrays;

/**
 * Walks an input's {@code data} array, flat or nested, without recursion, handing each element to a
 * sink in row-major order and recording the nesting's shape. Nested arrays must be rectangular
 * (every array at one depth as long as the first) and hold elements at one depth only.
 *
 * @param count the elements found
 * @param nestedShape the lengths of the arrays at each depth, outermost first, when the elements
 *     sit deeper than the outermost array; null for flat data and for data without elements
 */
record NestedData(int count, long[] nestedShape) {

  /**
   * Reads from the {@code START_ARRAY} just consumed up to and including its {@code END_ARRAY}.
   *
   * @param label names the input in messages
   */
  static NestedData read(JsonCursor cursor, ElementSink sink, String label) {
    int base = cursor.depth();
    int levels = cursor.limits().maxDepth() - base + 2;
    // counts[d]: elements or arrays seen so far in the open array at relative depth d (1 = outer);
    // lengths[d]: the length every array at depth d must have, -1 until the first one closes.
    int[] counts = new int[levels];
    long[] lengths = new long[levels];
    Arrays.fill(lengths, -1);
    int depth = 1;
    int elementDepth = -1;
    int count = 0;
    while (depth > 0) {
      Event event = cursor.next();
      switch (event) {
        case START_ARRAY -> {
          if (elementDepth != -1 && depth >= elementDepth) {
            throw mixed(label);
          }
          counts[depth]++;
          depth++;
          counts[depth] = 0;
        }
        case END_ARRAY -> {
          if (lengths[depth] == -1) {
            lengths[depth] = counts[depth];
          } else if (lengths[depth] != counts[depth]) {
            throw new InferenceException(
                label
                    + ": nested data is not rectangular (arrays of different lengths at depth "
                    + depth
                    + ")");
          }
          depth--;
        }
        case VALUE_NUMBER, VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> {
          if (elementDepth == -1) {
            elementDepth = depth;
          } else if (elementDepth != depth) {
            throw mixed(label);
          }
          cursor.countElement();
          counts[depth]++;
          switch (event) {
            case VALUE_NUMBER -> sink.number(cursor.numberText(), count);
            case VALUE_STRING -> sink.string(cursor.string(), count);
            default -> sink.bool(event == Event.VALUE_TRUE, count);
          }
          count++;
        }
        case VALUE_NULL ->
            throw new InferenceException(label + " element " + count + ": null is not a value");
        default ->
            throw new InferenceException(
                label + ": data may hold only numbers, strings, booleans and arrays of them");
      }
    }
    if (elementDepth <= 1) {
      return new NestedData(count, null);
    }
    return new NestedData(count, Arrays.copyOfRange(lengths, 1, elementDepth + 1));
  }

  private static InferenceException mixed(String label) {
    return new InferenceException(
        label + ": nested data mixes elements and arrays at the same depth");
  }
}
