package org.mlplatform.serving.engine;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;

/**
 * A prediction as served, kept as the tensors themselves until the log's writer thread turns them
 * into JSON: {@code {"input": [..flat values..]}} per input and output, structured outputs as their
 * JSON values. Non-finite numbers are written as the strings {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, as the inference API writes them.
 *
 * <p>Values of personal-data columns ({@code mask}) are written as null, and the inputs then carry
 * {@value #MASKED_KEY}: the masked features, so a reader knows the nulls are not missing values.
 * Masking happens here, where the record is built, so no stored record ever holds them in clear.
 */
public record LoggedPrediction(
    UUID id,
    Instant at,
    ModelVersionId version,
    Route route,
    String requestId,
    List<InputTensor> inputs,
    List<OutputTensor> outputs,
    long latencyMicros,
    LogMask mask) {

  /**
   * The inputs' entry listing the masked features; the {@code $} keeps it apart from tensor names.
   */
  public static final String MASKED_KEY = "$masked";

  private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

  public LoggedPrediction {
    mask = mask == null ? LogMask.NONE : mask;
  }

  /** A prediction whose inputs are all logged in clear. */
  public LoggedPrediction(
      UUID id,
      Instant at,
      ModelVersionId version,
      Route route,
      String requestId,
      List<InputTensor> inputs,
      List<OutputTensor> outputs,
      long latencyMicros) {
    this(id, at, version, route, requestId, inputs, outputs, latencyMicros, LogMask.NONE);
  }

  PredictionRecord toRecord() {
    return new PredictionRecord(
        id,
        at,
        version.model().value(),
        version.number(),
        route.label(),
        requestId,
        bounded(inputsJson()),
        bounded(outputsJson()),
        latencyMicros);
  }

  /** Large tensors (images, embeddings) would swamp the log: past the limit only the size stays. */
  private static String bounded(String json) {
    return json.length() <= PredictionRecord.JSON_MAX
        ? json
        : "{\"omitted\":\"" + json.length() + " characters, over the log's limit\"}";
  }

  private String inputsJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      boolean masked = false;
      for (InputTensor input : inputs) {
        json.writeKey(input.name());
        if (mask.covers(input.name())) {
          writeMasked(json, input);
          masked = true;
        } else {
          write(json, input.data());
        }
      }
      if (masked) {
        json.writeStartArray(MASKED_KEY);
        mask.features().forEach(json::write);
        json.writeEnd();
      }
      json.writeEnd();
    }
    return text.toString();
  }

  private String outputsJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      for (OutputTensor output : outputs) {
        json.writeKey(output.name());
        switch (output) {
          case OutputTensor.Tensor tensor -> write(json, tensor.data());
          case OutputTensor.Structured structured -> writeValue(json, structured.items());
        }
      }
      json.writeEnd();
    }
    return text.toString();
  }

  private static void write(JsonGenerator json, TensorData data) {
    json.writeStartArray();
    for (int i = 0; i < data.length(); i++) {
      writeValue(json, data.element(i));
    }
    json.writeEnd();
  }

  private void writeMasked(JsonGenerator json, InputTensor input) {
    TensorData data = input.data();
    json.writeStartArray();
    for (int i = 0; i < data.length(); i++) {
      if (mask.masks(input.shape(), i)) {
        json.writeNull();
      } else {
        writeValue(json, data.element(i));
      }
    }
    json.writeEnd();
  }

  private static void writeValue(JsonGenerator json, Object value) {
    switch (value) {
      case null -> json.writeNull();
      case Boolean b -> json.write(b);
      case Double d -> writeDouble(json, d);
      case Float f -> writeFloat(json, f);
      case Long l -> json.write(l);
      case Integer i -> json.write(i);
      case Number n -> json.write(n.doubleValue());
      case String s -> json.write(s);
      case Map<?, ?> map -> {
        json.writeStartObject();
        map.forEach(
            (k, v) -> {
              json.writeKey(String.valueOf(k));
              writeValue(json, v);
            });
        json.writeEnd();
      }
      case List<?> list -> {
        json.writeStartArray();
        list.forEach(v -> writeValue(json, v));
        json.writeEnd();
      }
      default -> json.write(value.toString());
    }
  }

  /**
   * The float's own shortest digits ({@code 0.1}, not the {@code 0.10000000149011612} of its double
   * widening): logs stay half the size and read back to the same float.
   */
  private static void writeFloat(JsonGenerator json, float value) {
    if (Float.isFinite(value)) {
      json.write(new BigDecimal(Float.toString(value)));
    } else {
      writeDouble(json, value);
    }
  }

  private static void writeDouble(JsonGenerator json, double value) {
    if (Double.isNaN(value)) {
      json.write("NaN");
    } else if (Double.isInfinite(value)) {
      json.write(value > 0 ? "Infinity" : "-Infinity");
    } else {
      json.write(value);
    }
  }
}
