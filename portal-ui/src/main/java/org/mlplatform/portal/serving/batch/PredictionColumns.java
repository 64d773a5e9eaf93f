package org.mlplatform.portal.serving.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;

/**
 * The result's prediction columns and their cells. A classifier gives {@code prediction} (the label
 * with the highest probability) and {@code probability_<label>} per class, read from a numeric
 * output with one column per label (Tribuo's export) or from a map per row (ZipMap); a label tensor
 * is the fallback when no probabilities come out. A regressor gives {@code prediction}, plus {@code
 * value_<name>} per output column when it predicts several values.
 *
 * <p>Numbers are written as the model computed them ({@code Float.toString} for FP32), so a value
 * compares equal to what the Open Inference Protocol returns for the same row.
 */
final class PredictionColumns {

  static final String PREDICTION = "prediction";
  static final String PROBABILITY_PREFIX = "probability_";
  static final String VALUE_PREFIX = "value_";

  private final BatchModel model;

  PredictionColumns(BatchModel model) {
    this.model = model;
  }

  List<String> header() {
    List<String> header = new ArrayList<>();
    header.add(PREDICTION);
    if (model.classifier()) {
      model.labels().forEach(label -> header.add(PROBABILITY_PREFIX + label));
    } else if (model.labels().size() > 1) {
      model.labels().forEach(label -> header.add(VALUE_PREFIX + label));
    }
    return header;
  }

  /**
   * Finds, in one chunk's outputs, the ones that hold the prediction.
   *
   * @throws IllegalArgumentException when no output gives one prediction per row
   */
  Chunk read(List<OutputTensor> outputs, int rows) {
    OutputTensor.Tensor numbers = null;
    OutputTensor.Tensor names = null;
    OutputTensor.Structured maps = null;
    for (OutputTensor output : outputs) {
      if (output instanceof OutputTensor.Tensor t && rowsOf(t) == rows) {
        if (t.datatype() == ElementType.BYTES) {
          names = names == null ? t : names;
        } else if (numbers == null && fits(t)) {
          numbers = t;
        }
      } else if (output instanceof OutputTensor.Structured s
          && maps == null
          && s.items().size() == rows
          && s.items().getFirst() instanceof Map<?, ?>) {
        maps = s;
      }
    }
    if (numbers == null && (!model.classifier() || (maps == null && names == null))) {
      throw new IllegalArgumentException(
          "version "
              + model.id()
              + " gives no "
              + (model.classifier()
                  ? "class probabilities for its labels " + model.labels()
                  : "numeric prediction")
              + " for each of the "
              + rows
              + " rows; its outputs are "
              + outputs.stream().map(OutputTensor::name).toList());
    }
    return new Chunk(numbers, names, model.classifier() ? maps : null);
  }

  /** The outputs of one chunk that hold its predictions. */
  final class Chunk {
    private final OutputTensor.Tensor numbers;
    private final OutputTensor.Tensor names;
    private final OutputTensor.Structured maps;
    private final int width;

    private Chunk(
        OutputTensor.Tensor numbers, OutputTensor.Tensor names, OutputTensor.Structured maps) {
      this.numbers = numbers;
      this.names = names;
      this.maps = maps;
      this.width = numbers == null ? 0 : (int) (numbers.data().length() / rowsOf(numbers));
    }

    /** Writes row {@code r}'s prediction cells, in {@link #header()} order. */
    void write(int r, CsvLineWriter line) {
      if (model.classifier()) {
        writeClass(r, line);
      } else {
        TensorData data = numbers.data();
        line.field(text(data, r * width));
        if (model.labels().size() > 1) {
          for (int k = 0; k < model.labels().size(); k++) {
            line.field(k < width ? text(data, r * width + k) : null);
          }
        }
      }
    }

    private void writeClass(int r, CsvLineWriter line) {
      List<String> labels = model.labels();
      String[] cells = new String[labels.size()];
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < labels.size(); k++) {
        Object value = probability(r, k);
        if (value instanceof Number n) {
          cells[k] = value.toString();
          if (best < 0 || n.doubleValue() > bestValue) {
            best = k;
            bestValue = n.doubleValue();
          }
        }
      }
      String prediction =
          best >= 0
              ? labels.get(best)
              : names == null ? null : String.valueOf(names.data().element(r * rowSize(names)));
      line.field(prediction);
      for (String cell : cells) {
        line.field(cell);
      }
    }

    private Object probability(int r, int k) {
      if (numbers != null) {
        return numbers.data().element(r * width + k);
      }
      if (maps != null && maps.items().get(r) instanceof Map<?, ?> map) {
        return map.get(model.labels().get(k));
      }
      return null;
    }
  }

  /** A numeric output that can hold this model's prediction for a row. */
  private boolean fits(OutputTensor.Tensor t) {
    long size = t.data().length() / Math.max(1, rowsOf(t));
    return model.classifier() ? size == model.labels().size() : size >= 1;
  }

  private static long rowsOf(OutputTensor.Tensor t) {
    long[] shape = t.shape();
    return shape.length == 0 ? -1 : shape[0];
  }

  private static int rowSize(OutputTensor.Tensor t) {
    return (int) (t.data().length() / rowsOf(t));
  }

  private static String text(TensorData data, int index) {
    return String.valueOf(data.element(index));
  }
}
