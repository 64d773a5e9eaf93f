package org.mlplatform.portal.ui.deployments;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;

/**
 * Open Inference Protocol JSON for people: an example request built from a version's signature (one
 * row, zeros), and answers indented with arrays of plain values kept on one line.
 */
final class OipJson {

  /** Beyond this many elements the example leaves {@code data} empty for the user to fill. */
  static final int EXAMPLE_MAX_ELEMENTS = 1_000;

  private OipJson() {}

  /**
   * An infer request the signature accepts: every tensor input with its dynamic axes set to 1 and
   * its data zeros (false for BOOL, empty strings for BYTES).
   */
  static String example(ModelSignature signature) {
    StringJoiner inputs = new StringJoiner(",\n", "{\n  \"inputs\": [\n", "\n  ]\n}");
    for (TensorSpec input : signature.inputs()) {
      if (input.kind() != ValueKind.TENSOR) {
        continue;
      }
      List<Long> shape =
          input.shape().stream().map(d -> d.isDynamic() ? 1L : Math.max(d.size(), 0)).toList();
      long elements = shape.stream().reduce(1L, (a, b) -> a * b);
      String zero =
          switch (input.elementType()) {
            case BOOL -> "false";
            case BYTES -> "\"\"";
            case FP16, BF16, FP32, FP64 -> "0.0";
            default -> "0";
          };
      StringJoiner data = new StringJoiner(", ", "[", "]");
      if (elements <= EXAMPLE_MAX_ELEMENTS) {
        for (long i = 0; i < elements; i++) {
          data.add(zero);
        }
      }
      StringJoiner dims = new StringJoiner(", ", "[", "]");
      shape.forEach(d -> dims.add(Long.toString(d)));
      inputs.add(
          "    {\n      \"name\": "
              + Json.createValue(input.name())
              + ",\n      \"datatype\": \""
              + input.elementType().name()
              + "\",\n      \"shape\": "
              + dims
              + ",\n      \"data\": "
              + data
              + "\n    }");
    }
    return inputs.toString();
  }

  /** {@code json} indented two spaces a level, arrays of plain values on one line. */
  static String pretty(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      StringBuilder out = new StringBuilder();
      write(reader.readValue(), 0, out);
      return out.toString();
    }
  }

  private static void write(JsonValue value, int depth, StringBuilder out) {
    switch (value) {
      case JsonObject object when !object.isEmpty() -> {
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
          indent(depth + 1, out);
          out.append(Json.createValue(member.getKey())).append(": ");
          write(member.getValue(), depth + 1, out);
          out.append(++i < object.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
      }
      case JsonArray array when array.stream().anyMatch(OipJson::nested) -> {
        out.append("[\n");
        for (int i = 0; i < array.size(); i++) {
          indent(depth + 1, out);
          write(array.get(i), depth + 1, out);
          out.append(i + 1 < array.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
      }
      case JsonArray array -> {
        StringJoiner items = new StringJoiner(", ", "[", "]");
        array.forEach(v -> items.add(v.toString()));
        out.append(items);
      }
      default -> out.append(value);
    }
  }

  private static boolean nested(JsonValue value) {
    return value instanceof JsonObject o && !o.isEmpty()
        || value instanceof JsonArray a && !a.isEmpty();
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("  ".repeat(depth));
  }
}
