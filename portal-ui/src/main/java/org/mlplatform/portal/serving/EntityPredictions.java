package org.mlplatform.portal.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStatus;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.portal.features.FeatureNames;
import org.mlplatform.portal.features.OnlineFeatures;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.serving.engine.ServingLease;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;

/**
 * Predictions by entity key: the version that will answer names its features (its feature mapping,
 * in model-input order); they are read from the online store, overridden where the caller sent
 * values, imputed where the version stores an imputation value, and otherwise rejected naming the
 * feature. The answer carries class labels and probabilities when the version has labels.
 */
@ApplicationScoped
public class EntityPredictions {

  /**
   * @param overrides values per feature ({@code view:feature}), one per entity row; a null keeps
   *     the online value
   */
  public record Request(
      Map<String, List<Object>> entities,
      Map<String, List<Object>> overrides,
      OptionalInt version,
      String routingKey) {}

  /** One entity row's answer; {@code label} and {@code probabilities} for classifiers. */
  public record Row(
      UUID predictionId,
      String label,
      Map<String, Double> probabilities,
      List<Double> values,
      List<String> imputed) {}

  public record Answer(String model, int version, String route, List<Row> predictions) {}

  @Inject private ServingRuntime runtime;
  @Inject private OnlineFeatures online;

  public Answer predict(ResourceName model, Request request, String requestId) {
    try (ServingLease lease =
        runtime.engine().lease(model, request.version(), request.routingKey())) {
      ModelVersion version = lease.version();
      FeatureMapping mapping = version.lineage().featureMapping();
      if (mapping.isEmpty()) {
        throw new DomainValidationException(
            "model",
            "version "
                + version.id()
                + " has no feature mapping, so it cannot be fed by entity key; send tensors to"
                + " /v2/models/"
                + model
                + "/infer");
      }
      List<FeatureRef> refs = mapping.features().stream().map(FeatureNames::ref).toList();
      int rows = rowCount(request.entities());
      checkOverrides(request.overrides(), refs, rows);
      List<FeatureColumn> columns = lookup(refs, request, rows);
      List<List<String>> imputed = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        imputed.add(new ArrayList<>());
      }
      double[] values = new double[rows * refs.size()];
      for (int f = 0; f < refs.size(); f++) {
        fill(values, refs, f, columns.get(f), request.overrides(), version, mapping, imputed);
      }
      InputTensor input = tensor(version, mapping.input(), rows, refs.size(), values);
      ServingLease.Served served =
          lease.infer(new InferenceRequest(null, List.of(input), List.of()), requestId, true);
      return new Answer(
          model.value(),
          version.number(),
          lease.route().label(),
          rows(version, served, rows, imputed));
    }
  }

  /** Online values for the features the caller did not send for every row; null columns else. */
  private List<FeatureColumn> lookup(List<FeatureRef> refs, Request request, int rows) {
    List<FeatureRef> needed =
        refs.stream()
            .filter(
                r -> {
                  List<Object> sent = request.overrides().get(r.toString());
                  return sent == null || sent.contains(null);
                })
            .toList();
    List<FeatureColumn> columns = new ArrayList<>(Collections.nCopies(refs.size(), null));
    if (needed.isEmpty()) {
      return columns;
    }
    List<FeatureColumn> found = online.lookup(needed, request.entities(), Map.of()).features();
    for (int i = 0; i < needed.size(); i++) {
      columns.set(refs.indexOf(needed.get(i)), found.get(i));
    }
    return columns;
  }

  private static int rowCount(Map<String, List<Object>> entities) {
    if (entities == null || entities.isEmpty()) {
      throw new DomainValidationException("entities", "send the entity keys: {\"key\": [..]}");
    }
    int rows = -1;
    for (Map.Entry<String, List<Object>> column : entities.entrySet()) {
      if (rows >= 0 && column.getValue().size() != rows) {
        throw new DomainValidationException(
            "entities." + column.getKey(), "every entity column needs the same number of values");
      }
      rows = column.getValue().size();
    }
    if (rows == 0 || rows > 10_000) {
      throw new DomainValidationException("entities", "send between 1 and 10000 entities");
    }
    return rows;
  }

  private static void checkOverrides(
      Map<String, List<Object>> overrides, List<FeatureRef> refs, int rows) {
    for (Map.Entry<String, List<Object>> override : overrides.entrySet()) {
      String field = "features." + override.getKey();
      if (refs.stream().noneMatch(r -> r.toString().equals(override.getKey()))) {
        throw new DomainValidationException(
            field, "the model does not use this feature; it uses " + refs);
      }
      if (override.getValue().size() != rows) {
        throw new DomainValidationException(field, "send one value per entity row (" + rows + ")");
      }
    }
  }

  private static void fill(
      double[] values,
      List<FeatureRef> refs,
      int f,
      FeatureColumn column,
      Map<String, List<Object>> overrides,
      ModelVersion version,
      FeatureMapping mapping,
      List<List<String>> imputed) {
    String name = refs.get(f).toString();
    List<Object> override = overrides.get(name);
    int width = refs.size();
    for (int r = 0; r < imputed.size(); r++) {
      Object value = override == null ? null : override.get(r);
      if (value == null && column.statuses().get(r) == OnlineStatus.PRESENT) {
        value = column.values().get(r);
      }
      if (value == null) {
        String stored =
            version
                .hyperparameters()
                .get(ModelTraining.IMPUTATION_PREFIX + mapping.features().get(f));
        if (stored == null) {
          throw new MissingFeatureException(name, r, statusText(column.statuses().get(r)));
        }
        value = Double.parseDouble(stored);
        imputed.get(r).add(name);
      }
      values[r * width + f] = number(name, r, value);
    }
  }

  private static String statusText(OnlineStatus status) {
    return switch (status) {
      case PRESENT, NULL_VALUE -> "null";
      case NOT_FOUND -> "not found in the online store";
      default -> status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  private static double number(String feature, int row, Object value) {
    return switch (value) {
      case Number n -> n.doubleValue();
      case Boolean b -> b ? 1 : 0;
      default ->
          throw new DomainValidationException(
              "features." + feature,
              "entity row " + row + " has a non-numeric value; the model takes numbers");
    };
  }

  private static InputTensor tensor(
      ModelVersion version, String inputName, int rows, int width, double[] values) {
    TensorSpec spec =
        version
            .signature()
            .input(inputName)
            .orElseThrow(
                () ->
                    new DomainValidationException(
                        "model", "version " + version.id() + " has no input " + inputName));
    long[] shape = {rows, width};
    return switch (spec.elementType()) {
      case FP64 ->
          new InputTensor(inputName, ElementType.FP64, shape, TensorData.ofDoubles(values));
      case FP32 -> {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
          floats[i] = (float) values[i];
        }
        yield new InputTensor(inputName, ElementType.FP32, shape, TensorData.ofFloats(floats));
      }
      default ->
          throw new DomainValidationException(
              "model",
              "input "
                  + inputName
                  + " of version "
                  + version.id()
                  + " takes "
                  + spec.elementType()
                  + "; entity-key predictions feed FP32 or FP64 inputs");
    };
  }

  private static List<Row> rows(
      ModelVersion version, ServingLease.Served served, int rows, List<List<String>> imputed) {
    List<String> labels = version.lineage().labelNames();
    List<OutputTensor> outputs = served.prediction().outputs();
    List<Row> answer = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      UUID id = served.rowIds().get(Math.min(r, served.rowIds().size() - 1));
      String label = null;
      Map<String, Double> probabilities = null;
      List<Double> values = new ArrayList<>();
      for (OutputTensor output : outputs) {
        switch (output) {
          case OutputTensor.Tensor tensor when tensor.datatype() == ElementType.BYTES -> {
            if (label == null) {
              label = String.valueOf(tensor.data().element(r));
            }
          }
          case OutputTensor.Tensor tensor -> {
            double[] row = tensor.row(r);
            if (probabilities == null && !labels.isEmpty() && row.length == labels.size()) {
              probabilities = new LinkedHashMap<>();
              int best = 0;
              for (int k = 0; k < row.length; k++) {
                probabilities.put(labels.get(k), row[k]);
                best = row[k] > row[best] ? k : best;
              }
              label = labels.get(best);
            } else if (probabilities == null) {
              for (double v : row) {
                values.add(v);
              }
            }
          }
          case OutputTensor.Structured structured -> {
            if (probabilities == null && structured.items().get(r) instanceof Map<?, ?> map) {
              probabilities = new LinkedHashMap<>();
              for (Map.Entry<?, ?> e : map.entrySet()) {
                probabilities.put(
                    String.valueOf(e.getKey()), ((Number) e.getValue()).doubleValue());
              }
            }
          }
        }
      }
      answer.add(new Row(id, label, probabilities, values, List.copyOf(imputed.get(r))));
    }
    return answer;
  }
}
