package org.mlplatform.serving.inference;

import jakarta.json.stream.JsonParser.Event;
import java.util.Arrays;
import org.mlplatform.domain.models.ElementType;

/**
 * Reads one object of a request's {@code inputs} array: {@code name}, {@code datatype}, {@code
 * shape} and {@code data} in any order; {@code parameters} and unknown fields are skipped.
 */
final class InputReader {

  private final JsonCursor cursor;
  private final int position;
  private String name;
  private ElementType datatype;
  private long[] shape;
  private ElementColumn column;
  private DeferredElements deferred;
  private NestedData layout;

  private InputReader(JsonCursor cursor, int position) {
    this.cursor = cursor;
    this.position = position;
  }

  /** Reads from the {@code START_OBJECT} just consumed up to and including its END_OBJECT. */
  static InputTensor read(JsonCursor cursor, int position) {
    return new InputReader(cursor, position).read();
  }

  private InputTensor read() {
    while (cursor.next() != Event.END_OBJECT) {
      String key = cursor.string();
      switch (key) {
        case "name" -> {
          requireFirst(key, name);
          name = readName();
        }
        case "datatype" -> {
          requireFirst(key, datatype);
          datatype = readDatatype();
        }
        case "shape" -> {
          requireFirst(key, shape);
          shape = readShape();
        }
        case "data" -> {
          requireFirst(key, layout);
          readData();
        }
        default -> cursor.skipValue(cursor.next());
      }
    }
    return complete();
  }

  private void requireFirst(String key, Object current) {
    if (current != null) {
      throw new InferenceException(label() + " has the field '" + key + "' twice");
    }
  }

  private String readName() {
    if (cursor.next() != Event.VALUE_STRING) {
      throw new InferenceException("inputs[" + position + "].name must be a string");
    }
    String value = cursor.string();
    if (value.isEmpty()) {
      throw new InferenceException("inputs[" + position + "].name is empty");
    }
    return value;
  }

  private ElementType readDatatype() {
    if (cursor.next() != Event.VALUE_STRING) {
      throw new InferenceException(label() + ": datatype must be a string such as \"FP32\"");
    }
    String text = cursor.string();
    try {
      return ElementType.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InferenceException(
          label()
              + ": unknown datatype \""
              + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
              + "\"; the datatypes are "
              + Arrays.toString(ElementType.values()));
    }
  }

  private long[] readShape() {
    if (cursor.next() != Event.START_ARRAY) {
      throw new InferenceException(label() + ": shape must be an array of dimensions");
    }
    long[] dims = new long[4];
    int rank = 0;
    Event event;
    while ((event = cursor.next()) != Event.END_ARRAY) {
      if (event != Event.VALUE_NUMBER || !cursor.isIntegralNumber()) {
        throw new InferenceException(label() + ": shape must hold whole numbers only");
      }
      if (rank == cursor.limits().maxDepth()) {
        throw new InferenceException(
            label() + ": shape has more than " + cursor.limits().maxDepth() + " dimensions");
      }
      long size = dimension(cursor.numberText(), rank);
      if (rank == dims.length) {
        dims = Arrays.copyOf(dims, rank * 2);
      }
      dims[rank++] = size;
    }
    long[] result = Arrays.copyOf(dims, rank);
    if (layout == null) {
      // Refuse an oversize shape before its data arrives (once it has, its elements are counted).
      cursor.requireRoomFor(
          label() + " with shape " + Shapes.describe(result), Shapes.elementCount(result));
    }
    return result;
  }

  private long dimension(String text, int axis) {
    long size;
    try {
      size = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InferenceException(
          InferenceException.PAYLOAD_TOO_LARGE,
          label() + ": shape dimension " + axis + " is too large");
    }
    if (size < 0) {
      throw new InferenceException(
          label() + ": shape has the negative dimension " + size + " at axis " + axis);
    }
    return size;
  }

  private void readData() {
    if (cursor.next() != Event.START_ARRAY) {
      throw new InferenceException(
          label() + ": data must be an array (binary tensor data is not supported)");
    }
    ElementSink sink;
    if (datatype != null) {
      column = ElementColumn.of(label(), datatype, shape == null ? -1 : Shapes.elementCount(shape));
      sink = column;
    } else {
      deferred = new DeferredElements();
      sink = deferred;
    }
    layout = NestedData.read(cursor, sink, label());
  }

  private InputTensor complete() {
    if (name == null) {
      throw new InferenceException("inputs[" + position + "] has no name");
    }
    if (datatype == null) {
      throw new InferenceException(label() + " has no datatype");
    }
    if (shape == null) {
      throw new InferenceException(label() + " has no shape");
    }
    if (layout == null) {
      throw new InferenceException(label() + " has no data (binary tensor data is not supported)");
    }
    if (deferred != null) {
      // The data came before the datatype: its elements are checked now.
      column = ElementColumn.of(label(), datatype, layout.count());
      deferred.replayInto(column);
    }
    if (layout.nestedShape() != null && !Arrays.equals(layout.nestedShape(), shape)) {
      throw new InferenceException(
          label()
              + ": data is nested as "
              + Shapes.describe(layout.nestedShape())
              + " but the shape is "
              + Shapes.describe(shape));
    }
    long expected = Shapes.elementCount(shape);
    if (expected != layout.count()) {
      throw new InferenceException(
          label()
              + ": shape "
              + Shapes.describe(shape)
              + " needs "
              + expected
              + " elements but data has "
              + layout.count());
    }
    return new InputTensor(name, datatype, shape, column.finish());
  }

  /** How messages name this input: by name once known, by position before. */
  private String label() {
    return name != null ? "input '" + name + "'" : "inputs[" + position + "]";
  }
}
