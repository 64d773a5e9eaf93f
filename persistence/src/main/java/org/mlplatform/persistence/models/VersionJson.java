package org.mlplatform.persistence.models;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;

/**
 * The JSON documents of a version row, written field by field rather than by reflection so that the
 * stored format stays the same when the domain records grow. A shape is an array whose fixed axes
 * are numbers and whose dynamic axes are their symbolic names ({@code ["batch", 8]}; {@code ""} for
 * an unnamed one).
 */
final class VersionJson {

  /** Looked up once: {@code Json.create...} searches for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The feature mapping and class labels of a version. */
  record Mapping(FeatureMapping features, List<String> labels) {}

  private VersionJson() {}

  static String signature(ModelSignature signature) {
    return JSON.createObjectBuilder()
        .add("inputs", tensors(signature.inputs()))
        .add("outputs", tensors(signature.outputs()))
        .add("opset", signature.opset())
        .add("producerName", signature.producerName())
        .add("producerVersion", signature.producerVersion())
        .build()
        .toString();
  }

  static ModelSignature signature(String json) {
    JsonObject o = read(json);
    return new ModelSignature(
        tensors(o.getJsonArray("inputs")),
        tensors(o.getJsonArray("outputs")),
        o.getJsonNumber("opset").longValueExact(),
        o.getString("producerName"),
        o.getString("producerVersion"));
  }

  static String metrics(Map<String, Double> metrics) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    metrics.forEach(b::add);
    return b.build().toString();
  }

  static Map<String, Double> metrics(String json) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    read(json).forEach((k, v) -> metrics.put(k, ((JsonNumber) v).doubleValue()));
    return metrics;
  }

  static String hyperparameters(Map<String, String> hyperparameters) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    hyperparameters.forEach(b::add);
    return b.build().toString();
  }

  static Map<String, String> hyperparameters(String json) {
    Map<String, String> hyperparameters = new LinkedHashMap<>();
    read(json).forEach((k, v) -> hyperparameters.put(k, ((JsonString) v).getString()));
    return hyperparameters;
  }

  static String mapping(FeatureMapping mapping, List<String> labels) {
    return JSON.createObjectBuilder()
        .add("input", mapping.input())
        .add("features", JSON.createArrayBuilder(mapping.features()))
        .add("labels", JSON.createArrayBuilder(labels))
        .build()
        .toString();
  }

  static Mapping mapping(String json) {
    JsonObject o = read(json);
    return new Mapping(
        new FeatureMapping(o.getString("input"), strings(o.getJsonArray("features"))),
        strings(o.getJsonArray("labels")));
  }

  private static JsonArrayBuilder tensors(List<TensorSpec> specs) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (TensorSpec spec : specs) {
      JsonArrayBuilder shape = JSON.createArrayBuilder();
      for (Dimension d : spec.shape()) {
        if (d.isDynamic()) {
          shape.add(d.symbol());
        } else {
          shape.add(d.size());
        }
      }
      JsonObjectBuilder o =
          JSON.createObjectBuilder()
              .add("name", spec.name())
              .add("kind", spec.kind().name())
              .add("shape", shape)
              .add("detail", spec.detail());
      if (spec.elementType() == null) {
        o.addNull("elementType");
      } else {
        o.add("elementType", spec.elementType().name());
      }
      array.add(o);
    }
    return array;
  }

  private static List<TensorSpec> tensors(JsonArray array) {
    return array.getValuesAs(JsonObject.class).stream()
        .map(
            o ->
                new TensorSpec(
                    o.getString("name"),
                    ValueKind.valueOf(o.getString("kind")),
                    o.isNull("elementType")
                        ? null
                        : ElementType.valueOf(o.getString("elementType")),
                    o.getJsonArray("shape").stream().map(VersionJson::dimension).toList(),
                    o.getString("detail")))
        .toList();
  }

  private static Dimension dimension(JsonValue value) {
    return value instanceof JsonNumber n
        ? Dimension.fixed(n.longValueExact())
        : Dimension.dynamic(((JsonString) value).getString());
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static JsonObject read(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
