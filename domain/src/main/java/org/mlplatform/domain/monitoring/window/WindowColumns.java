package org.mlplatform.domain.monitoring.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one serving window, gathered column by column up to a fixed number of rows. Values
 * are kept as floats (what FP32 models were fed; half the memory of doubles: a million rows of 20
 * features take 80 MB) and labels as codes into one list of distinct labels.
 *
 * <p>Not thread-safe: one scan fills it, then analysis reads it.
 */
public final class WindowColumns {

  private static final int INITIAL_ROWS = 1_024;

  private final List<String> features;
  private final PredictionKind predictionKind;
  private final int maxRows;
  private final List<String> labels = new ArrayList<>();
  private final Map<String, Integer> labelCodes = new HashMap<>();
  private float[][] values;
  private float[] predictedValues;
  private int[] predictedLabels;
  private int rows;
  private long refused;

  /**
   * @param maxRows rows kept at most; later rows are counted in {@link #refused()}
   */
  public WindowColumns(List<String> features, PredictionKind predictionKind, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("a window keeps at least one row, not " + maxRows);
    }
    this.features = List.copyOf(features);
    this.predictionKind = predictionKind;
    this.maxRows = maxRows;
    int capacity = Math.min(INITIAL_ROWS, maxRows);
    this.values = new float[this.features.size()][capacity];
    this.predictedValues = new float[predictionKind == PredictionKind.VALUE ? capacity : 0];
    this.predictedLabels = new int[predictionKind == PredictionKind.LABEL ? capacity : 0];
  }

  public List<String> features() {
    return features;
  }

  public PredictionKind predictionKind() {
    return predictionKind;
  }

  public int rows() {
    return rows;
  }

  /** Rows offered after the window was full. */
  public long refused() {
    return refused;
  }

  public boolean full() {
    return rows == maxRows;
  }

  /**
   * Adds one row of a classifier: its features at {@code inputs[offset..offset+features)} and the
   * predicted label (null when the log gave none). Returns false when the window was full.
   */
  public boolean addLabelled(double[] inputs, int offset, String label) {
    requireKind(PredictionKind.LABEL);
    if (!room()) {
      return false;
    }
    copyFeatures(inputs, offset);
    predictedLabels[rows] = label == null ? -1 : labelCodes.computeIfAbsent(label, this::newCode);
    rows++;
    return true;
  }

  /** As {@link #addLabelled} for a regressor's predicted value (NaN when the log gave none). */
  public boolean addValued(double[] inputs, int offset, double value) {
    requireKind(PredictionKind.VALUE);
    if (!room()) {
      return false;
    }
    copyFeatures(inputs, offset);
    predictedValues[rows] = (float) value;
    rows++;
    return true;
  }

  /** Feature {@code f}'s values as doubles, NaN where missing. */
  public double[] feature(int f) {
    double[] column = new double[rows];
    float[] source = values[f];
    for (int r = 0; r < rows; r++) {
      column[r] = source[r];
    }
    return column;
  }

  /** The predicted labels, null where the log gave none; empty for a regressor. */
  public String[] predictedLabels() {
    if (predictionKind != PredictionKind.LABEL) {
      return new String[0];
    }
    String[] column = new String[rows];
    for (int r = 0; r < rows; r++) {
      column[r] = predictedLabels[r] < 0 ? null : labels.get(predictedLabels[r]);
    }
    return column;
  }

  /** The predicted values; empty for a classifier. */
  public double[] predictedValues() {
    if (predictionKind != PredictionKind.VALUE) {
      return new double[0];
    }
    double[] column = new double[rows];
    for (int r = 0; r < rows; r++) {
      column[r] = predictedValues[r];
    }
    return column;
  }

  private boolean room() {
    if (rows == maxRows) {
      refused++;
      return false;
    }
    if (rows == capacity()) {
      grow();
    }
    return true;
  }

  private int capacity() {
    return values.length > 0
        ? values[0].length
        : Math.max(predictedValues.length, predictedLabels.length);
  }

  private void grow() {
    int capacity = (int) Math.min(maxRows, 2L * Math.max(1, capacity()));
    for (int f = 0; f < values.length; f++) {
      values[f] = Arrays.copyOf(values[f], capacity);
    }
    if (predictionKind == PredictionKind.VALUE) {
      predictedValues = Arrays.copyOf(predictedValues, capacity);
    } else {
      predictedLabels = Arrays.copyOf(predictedLabels, capacity);
    }
  }

  private void copyFeatures(double[] inputs, int offset) {
    for (int f = 0; f < values.length; f++) {
      values[f][rows] = (float) inputs[offset + f];
    }
  }

  private int newCode(String label) {
    labels.add(label);
    return labels.size() - 1;
  }

  private void requireKind(PredictionKind kind) {
    if (predictionKind != kind) {
      throw new IllegalStateException("this window holds a " + predictionKind + " prediction");
    }
  }
}
