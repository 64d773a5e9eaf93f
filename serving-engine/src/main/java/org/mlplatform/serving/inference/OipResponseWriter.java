package org.mlplatform.serving.inference;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;

/**
 * Writes Open Inference Protocol v2 JSON: infer responses, model metadata and errors. Non-finite
 * floats are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"},
 * which {@link OipRequestReader} accepts back. The stream is flushed, never closed. Thread-safe.
 */
public final class OipResponseWriter {

  /** The {@code parameters} of an output whose elements are JSON values, not protocol scalars. */
  static final String CONTENT_TYPE = "content_type";

  static final String JSON_CONTENT = "json";

  // Looking the provider up scans the class path; once per class is enough.
  private static final JsonGeneratorFactory GENERATORS =
      JsonProvider.provider().createGeneratorFactory(Map.of());

  private OipResponseWriter() {}

  /**
   * {@code {"model_name", "model_version", "id", "outputs": [{"name", "datatype", "shape",
   * "data"}]}}, {@code id} only when the request had one. A {@link OutputTensor.Structured} output
   * becomes a BYTES tensor of shape {@code [n]} whose elements are JSON values, marked with {@code
   * "parameters": {"content_type": "json"}}.
   */
  public static void writeInferResponse(
      OutputStream out,
      String modelName,
      String modelVersion,
      String requestId,
      List<OutputTensor> outputs)
      throws IOException {
    write(
        out,
        json -> {
          json.writeStartObject();
          json.write("model_name", modelName);
          json.write("model_version", modelVersion);
          if (requestId != null) {
            json.write("id", requestId);
          }
          json.writeStartArray("outputs");
          for (OutputTensor output : outputs) {
            switch (output) {
              case OutputTensor.Tensor tensor -> writeTensor(json, tensor);
              case OutputTensor.Structured structured -> writeStructured(json, structured);
            }
          }
          json.writeEnd();
          json.writeEnd();
        });
  }

  /**
   * {@code {"name", "versions", "platform": "onnxruntime", "inputs": [{"name", "datatype",
   * "shape"}], "outputs": [...]}}, dynamic axes as -1. Values that are not tensors are described as
   * the infer response carries them: BYTES of shape {@code [-1]} with JSON content.
   */
  public static void writeModelMetadata(
      OutputStream out, String name, List<String> versions, ModelSignature signature)
      throws IOException {
    write(
        out,
        json -> {
          json.writeStartObject();
          json.write("name", name);
          json.writeStartArray("versions");
          versions.forEach(json::write);
          json.writeEnd();
          json.write("platform", "onnxruntime");
          json.writeStartArray("inputs");
          signature.inputs().forEach(spec -> writeSpec(json, spec));
          json.writeEnd();
          json.writeStartArray("outputs");
          signature.outputs().forEach(spec -> writeSpec(json, spec));
          json.writeEnd();
          json.writeEnd();
        });
  }

  /** {@code {"error": "..."}}, the protocol's error body. */
  public static void writeError(OutputStream out, String message) throws IOException {
    write(
        out,
        json -> {
          json.writeStartObject();
          json.write("error", message);
          json.writeEnd();
        });
  }

  private static void writeTensor(JsonGenerator json, OutputTensor.Tensor tensor) {
    json.writeStartObject();
    json.write("name", tensor.name());
    json.write("datatype", tensor.datatype().name());
    json.writeStartArray("shape");
    for (long size : tensor.shape()) {
      json.write(size);
    }
    json.writeEnd();
    json.writeStartArray("data");
    writeElements(json, tensor.data());
    json.writeEnd();
    json.writeEnd();
  }

  private static void writeElements(JsonGenerator json, TensorData data) {
    Object values = data.storage();
    int from = data.offset();
    int to = from + data.length();
    switch (values) {
      case float[] floats -> {
        for (int i = from; i < to; i++) {
          writeFloat(json, floats[i]);
        }
      }
      case double[] doubles -> {
        for (int i = from; i < to; i++) {
          writeDouble(json, doubles[i]);
        }
      }
      case long[] longs -> {
        boolean unsigned = data.type() == ElementType.UINT64;
        for (int i = from; i < to; i++) {
          if (unsigned && longs[i] < 0) {
            json.write(new BigInteger(Long.toUnsignedString(longs[i])));
          } else {
            json.write(longs[i]);
          }
        }
      }
      case int[] ints -> {
        for (int i = from; i < to; i++) {
          json.write(ints[i]);
        }
      }
      case boolean[] booleans -> {
        for (int i = from; i < to; i++) {
          json.write(booleans[i]);
        }
      }
      case String[] strings -> {
        for (int i = from; i < to; i++) {
          json.write(strings[i]);
        }
      }
      default -> throw new IllegalStateException("unknown storage " + values.getClass());
    }
  }

  /**
   * A float as its shortest decimal ("0.1", not the "0.10000000149011612" its widening to double
   * prints), so that responses stay small and read as the model computed them.
   */
  private static void writeFloat(JsonGenerator json, float value) {
    if (!Float.isFinite(value)) {
      json.write(nonFinite(value));
    } else {
      // The double nearest the float's shortest decimal prints as that decimal.
      json.write(DecimalText.toDouble(Float.toString(value)));
    }
  }

  private static void writeDouble(JsonGenerator json, double value) {
    if (!Double.isFinite(value)) {
      json.write(nonFinite(value));
    } else {
      json.write(value);
    }
  }

  private static String nonFinite(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return value > 0 ? "Infinity" : "-Infinity";
  }

  private static void writeStructured(JsonGenerator json, OutputTensor.Structured structured) {
    json.writeStartObject();
    json.write("name", structured.name());
    json.write("datatype", "BYTES");
    json.writeStartArray("shape");
    json.write(structured.items().size());
    json.writeEnd();
    json.writeStartObject("parameters");
    json.write(CONTENT_TYPE, JSON_CONTENT);
    json.writeEnd();
    json.writeStartArray("data");
    for (Object item : structured.items()) {
      writeValue(json, item);
    }
    json.writeEnd();
    json.writeEnd();
  }

  /** Plain Java values as JSON; the values come from ONNX Runtime, so nesting is shallow. */
  private static void writeValue(JsonGenerator json, Object value) {
    switch (value) {
      case null -> json.writeNull();
      case Map<?, ?> map -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          json.writeKey(String.valueOf(entry.getKey()));
          writeValue(json, entry.getValue());
        }
        json.writeEnd();
      }
      case List<?> list -> {
        json.writeStartArray();
        list.forEach(item -> writeValue(json, item));
        json.writeEnd();
      }
      case Float f -> writeFloat(json, f);
      case Double d -> writeDouble(json, d);
      case Long l -> json.write(l);
      case Integer i -> json.write(i);
      case Short s -> json.write(s);
      case Byte b -> json.write(b);
      case BigInteger big -> json.write(big);
      case BigDecimal big -> json.write(big);
      case Boolean b -> json.write(b);
      default -> json.write(value.toString());
    }
  }

  private static void writeSpec(JsonGenerator json, TensorSpec spec) {
    json.writeStartObject();
    json.write("name", spec.name());
    if (spec.kind() == ValueKind.TENSOR) {
      json.write("datatype", spec.elementType().name());
      json.writeStartArray("shape");
      spec.sizes().forEach(json::write);
      json.writeEnd();
    } else {
      json.write("datatype", "BYTES");
      json.writeStartArray("shape");
      json.write(-1);
      json.writeEnd();
      json.writeStartObject("parameters");
      json.write(CONTENT_TYPE, JSON_CONTENT);
      json.writeEnd();
    }
    json.writeEnd();
  }

  private interface Body {
    void writeTo(JsonGenerator json);
  }

  private static void write(OutputStream out, Body body) throws IOException {
    try (JsonGenerator json = GENERATORS.createGenerator(new NonClosing(out))) {
      body.writeTo(json);
    } catch (JsonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  /** The stream belongs to the caller; closing the generator must only flush it. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      // FilterOutputStream would write byte by byte.
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
