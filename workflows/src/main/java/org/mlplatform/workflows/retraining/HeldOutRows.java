package org.mlplatform.workflows.retraining;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ingest.CsvRecordReader;
import org.mlplatform.domain.features.ingest.CsvRecordReader.MalformedCsvException;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/**
 * The held-out rows of a training set, read as the trainer reads it: a row whose label is empty
 * (or, for a regression, not a finite number) is no row at all; the others are numbered in file
 * order and split with {@link HeldOutPositions}. Feature values are kept for the numeric feature
 * columns, {@code NaN} where the cell is empty or not finite.
 *
 * @param featureColumns the numeric feature columns by name, with their index in a row's values
 * @param columns every column of the training set, for messages
 * @param features the held-out rows' feature values, in file order
 * @param labels the held-out rows' labels as text, in the same order
 * @param labelledRows all rows with a usable label, held out or not
 * @param unlabelledRows rows left out for want of a usable label
 */
record HeldOutRows(
    Map<String, Integer> featureColumns,
    List<TrainingColumn> columns,
    List<double[]> features,
    List<String> labels,
    long labelledRows,
    long unlabelledRows) {

  private static final int ROWS_PER_CHECK = 1024;

  HeldOutRows {
    featureColumns = Collections.unmodifiableMap(new LinkedHashMap<>(featureColumns));
    columns = List.copyOf(columns);
    features = List.copyOf(features);
    labels = List.copyOf(labels);
  }

  int size() {
    return labels.size();
  }

  /**
   * Reads {@code csv} and keeps its held-out rows.
   *
   * @param columns the training set's columns, in file order
   * @throws DomainValidationException naming {@code label} when there is no such column (or it is
   *     not numeric for a regression), {@code trainingSet} when the file does not match the
   *     columns, holds a non-number in a feature column or leaves no row held out
   * @throws InterruptedException when the thread is interrupted while reading
   */
  static HeldOutRows read(
      Path csv,
      List<TrainingColumn> columns,
      String label,
      TaskKind kind,
      HeldOutSplitSettings split)
      throws IOException, InterruptedException {
    List<String> header = columns.stream().map(TrainingColumn::name).toList();
    int labelColumn = labelColumn(columns, header, label, kind);
    Map<String, Integer> featureColumns = new LinkedHashMap<>();
    List<Integer> featurePositions = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      TrainingColumn column = columns.get(i);
      if (column.role() == Role.FEATURE && column.type().isNumeric()) {
        featureColumns.put(column.name(), featureColumns.size());
        featurePositions.add(i);
      }
    }
    int[] featureAt = featurePositions.stream().mapToInt(Integer::intValue).toArray();

    List<double[]> features = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    long unlabelled = 0;
    try (BufferedReader text = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      Records records = new Records(new CsvRecordReader(text, Integer.MAX_VALUE));
      List<String> fileHeader = records.next();
      if (fileHeader == null) {
        throw new DomainValidationException("trainingSet", "the training-set file is empty");
      }
      if (!fileHeader.equals(header)) {
        throw new DomainValidationException(
            "trainingSet",
            "the file's header "
                + fileHeader
                + " does not match the training set's columns "
                + header);
      }
      List<String> record;
      while ((record = records.next()) != null) {
        if (record.size() != header.size()) {
          throw records.malformed(
              "has " + record.size() + " fields, the header has " + header.size());
        }
        String value = record.get(labelColumn);
        if (isUsableLabel(value, kind, label, records)) {
          labels.add(value);
          features.add(featureValues(record, featureAt, header, records));
        } else {
          unlabelled++;
        }
        if ((labels.size() + unlabelled) % ROWS_PER_CHECK == 0 && Thread.interrupted()) {
          throw new InterruptedException("evaluation cancelled while reading the training set");
        }
      }
    }
    int[] heldOut = HeldOutPositions.of(labels.size(), split);
    List<double[]> heldOutFeatures = new ArrayList<>(heldOut.length);
    List<String> heldOutLabels = new ArrayList<>(heldOut.length);
    for (int position : heldOut) {
      heldOutFeatures.add(features.get(position));
      heldOutLabels.add(labels.get(position));
    }
    return new HeldOutRows(
        featureColumns, columns, heldOutFeatures, heldOutLabels, labels.size(), unlabelled);
  }

  private static int labelColumn(
      List<TrainingColumn> columns, List<String> header, String label, TaskKind kind) {
    if (label == null || label.isBlank()) {
      throw new DomainValidationException("label", "the label column is required");
    }
    int labelColumn = header.indexOf(label);
    if (labelColumn < 0) {
      throw new DomainValidationException(
          "label",
          "the training set has no column '"
              + label
              + "'; its columns: "
              + String.join(", ", header));
    }
    TrainingColumn column = columns.get(labelColumn);
    if (kind == TaskKind.REGRESSION && !column.type().isNumeric()) {
      throw new DomainValidationException(
          "label", "'" + label + "' is " + column.type() + "; a regressor needs a numeric label");
    }
    return labelColumn;
  }

  private static boolean isUsableLabel(String value, TaskKind kind, String label, Records records) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return kind == TaskKind.CLASSIFICATION || Double.isFinite(records.number(value, label));
  }

  private static double[] featureValues(
      List<String> record, int[] featureAt, List<String> header, Records records) {
    double[] values = new double[featureAt.length];
    for (int f = 0; f < values.length; f++) {
      String cell = record.get(featureAt[f]);
      double value = cell == null ? Double.NaN : records.number(cell, header.get(featureAt[f]));
      values[f] = Double.isFinite(value) ? value : Double.NaN;
    }
    return values;
  }

  /** The CSV records, counted so that errors can say where they are. */
  private static final class Records {

    private final CsvRecordReader reader;
    private long record;

    Records(CsvRecordReader reader) {
      this.reader = reader;
    }

    List<String> next() throws IOException {
      try {
        List<String> fields = reader.next();
        record++;
        return fields;
      } catch (MalformedCsvException e) {
        throw malformed(e.getMessage());
      }
    }

    double number(String cell, String column) {
      try {
        return Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        throw malformed("column " + column + " holds '" + cell + "', not a number");
      }
    }

    DomainValidationException malformed(String problem) {
      return new DomainValidationException(
          "trainingSet", "record " + record + " of the training-set file: " + problem);
    }
  }
}
