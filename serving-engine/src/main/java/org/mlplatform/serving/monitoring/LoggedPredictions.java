package org.mlplatform.serving.monitoring;

import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;

/**
 * Reads one version's predictions back from the log's outputs. The output holding them is chosen
 * once from the signature, so a record costs one array read: for a classifier the numeric output
 * with one column per label (class probabilities; the label is the most probable), else a label
 * tensor or a converter's per-row maps; for a regressor the first numeric output.
 */
public final class LoggedPredictions {

  private enum Source {
    PROBABILITIES,
    LABEL_TENSOR,
    PROBABILITY_MAPS,
    VALUES,
    NONE
  }

  private final MonitoredVersion model;
  private final Source source;
  private final String output;
  private final int width;

  private LoggedPredictions(MonitoredVersion model, Source source, TensorSpec output) {
    this.model = model;
    this.source = source;
    this.output = output == null ? null : output.name();
    this.width = output == null ? 1 : rowWidth(output);
  }

  /** Values per row of a numeric output: its last axis when fixed, else one. */
  private static int rowWidth(TensorSpec output) {
    List<Long> sizes = output.sizes();
    return sizes.size() >= 2 && sizes.getLast() > 0 ? (int) (long) sizes.getLast() : 1;
  }

  public static LoggedPredictions of(MonitoredVersion model) {
    List<TensorSpec> outputs = model.signature().outputs();
    if (!model.classifier()) {
      return outputs.stream()
          .filter(LoggedPredictions::numeric)
          .findFirst()
          .map(o -> new LoggedPredictions(model, Source.VALUES, o))
          .orElse(new LoggedPredictions(model, Source.NONE, null));
    }
    int classes = model.labels().size();
    for (TensorSpec o : outputs) {
      if (numeric(o) && !o.sizes().isEmpty() && o.sizes().getLast() == classes) {
        return new LoggedPredictions(model, Source.PROBABILITIES, o);
      }
    }
    for (TensorSpec o : outputs) {
      if (o.kind() == ValueKind.TENSOR && o.elementType() == ElementType.BYTES) {
        return new LoggedPredictions(model, Source.LABEL_TENSOR, o);
      }
    }
    for (TensorSpec o : outputs) {
      if (o.kind() != ValueKind.TENSOR) {
        return new LoggedPredictions(model, Source.PROBABILITY_MAPS, o);
      }
    }
    return new LoggedPredictions(model, Source.NONE, null);
  }

  public boolean readable() {
    return source != Source.NONE;
  }

  /** Whether probabilities per class can be read (performance needs them for AUC and log-loss). */
  public boolean hasProbabilities() {
    return source == Source.PROBABILITIES || source == Source.PROBABILITY_MAPS;
  }

  /** Each row's label, null where the record gives none. */
  public String[] labels(String outputsJson, int rows) {
    String[] labels = new String[rows];
    switch (source) {
      case PROBABILITIES, PROBABILITY_MAPS -> {
        float[][] probabilities = probabilities(outputsJson, rows);
        for (int r = 0; r < rows; r++) {
          labels[r] =
              probabilities[r] == null ? null : model.labels().get(argmax(probabilities[r]));
        }
      }
      case LABEL_TENSOR -> {
        List<Object> values = entry(outputsJson);
        for (int r = 0; values != null && r < rows && r < values.size(); r++) {
          labels[r] = values.get(r) == null ? null : String.valueOf(values.get(r));
        }
      }
      default -> {}
    }
    return labels;
  }

  /** Each row's class probabilities in label order; a null row where the record gives none. */
  public float[][] probabilities(String outputsJson, int rows) {
    float[][] rowsOut = new float[rows][];
    int classes = model.labels().size();
    if (source == Source.PROBABILITIES) {
      double[] flat = LoggedJson.numbers(outputsJson, output);
      if (flat != null && flat.length == rows * classes) {
        for (int r = 0; r < rows; r++) {
          float[] row = new float[classes];
          for (int c = 0; c < classes; c++) {
            row[c] = (float) flat[r * classes + c];
          }
          rowsOut[r] = row;
        }
      }
    } else if (source == Source.PROBABILITY_MAPS) {
      List<Object> maps = entry(outputsJson);
      for (int r = 0; maps != null && r < rows && r < maps.size(); r++) {
        if (maps.get(r) instanceof Map<?, ?> map) {
          float[] row = new float[classes];
          for (int c = 0; c < classes; c++) {
            Object p = map.get(model.labels().get(c));
            row[c] = p instanceof Number n ? n.floatValue() : Float.NaN;
          }
          rowsOut[r] = row;
        }
      }
    }
    return rowsOut;
  }

  /** Each row's predicted value (the first column of a multi-value output); NaN where none. */
  public double[] values(String outputsJson, int rows) {
    double[] values = new double[rows];
    java.util.Arrays.fill(values, Double.NaN);
    double[] flat = source == Source.VALUES ? LoggedJson.numbers(outputsJson, output) : null;
    if (rows > 0 && flat != null && flat.length >= rows && flat.length % rows == 0) {
      int stride = flat.length / rows;
      for (int r = 0; r < rows; r++) {
        values[r] = flat[r * stride];
      }
    }
    return values;
  }

  /**
   * Rows in a logged record, read from its outputs: what the prediction output holds over its
   * values per row.
   */
  public int rowsOf(String outputsJson) {
    return switch (source) {
      case PROBABILITIES, VALUES -> {
        double[] flat = LoggedJson.numbers(outputsJson, output);
        yield flat == null ? 0 : flat.length / width;
      }
      case LABEL_TENSOR, PROBABILITY_MAPS -> {
        List<Object> values = entry(outputsJson);
        yield values == null ? 0 : values.size();
      }
      case NONE -> 0;
    };
  }

  private List<Object> entry(String outputsJson) {
    Map<String, List<Object>> entries = LoggedJson.entries(outputsJson);
    return entries == null ? null : entries.get(output);
  }

  private static boolean numeric(TensorSpec spec) {
    return spec.kind() == ValueKind.TENSOR
        && spec.elementType() != ElementType.BYTES
        && spec.elementType() != ElementType.BOOL;
  }

  public static int argmax(float[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }
}
