package org.mlplatform.workflows.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.io.CountingInputStream;

/**
 * Reads a training-set CSV into memory (Tribuo trains on in-memory datasets anyway), keeping the
 * label and feature columns of a {@link TrainingLayout}.
 */
final class TrainingSetLoader {

  private static final int ROWS_PER_CHECK = 1024;

  private TrainingSetLoader() {}

  /**
   * @param numericLabel whether labels must be numbers (regression); non-finite labels are then
   *     skipped like empty ones
   * @param progress told the fraction of the file read so far
   * @throws DomainValidationException naming {@code trainingSet} when the file does not match the
   *     layout or holds a non-number in a feature column
   * @throws InterruptedException when the thread is interrupted while reading
   */
  static LabelledRows load(
      Path csv, TrainingLayout layout, boolean numericLabel, DoubleConsumer progress)
      throws IOException, InterruptedException {
    long size = Math.max(1, Files.size(csv));
    try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(csv));
        BufferedReader text =
            new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16)) {
      CsvRecordReader records = new CsvRecordReader(text);
      requireHeader(records.next(), layout);
      List<double[]> features = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      long skipped = 0;
      List<String> record;
      while ((record = records.next()) != null) {
        if (record.size() != layout.header().size()) {
          throw malformed(
              records,
              "has " + record.size() + " fields, the header has " + layout.header().size());
        }
        String label = record.get(layout.labelColumn());
        if (!isUsableLabel(label, numericLabel, layout, records)) {
          skipped++;
        } else {
          labels.add(label);
          features.add(featureValues(record, layout, records));
        }
        if ((labels.size() + skipped) % ROWS_PER_CHECK == 0) {
          if (Thread.interrupted()) {
            throw new InterruptedException("training cancelled while reading the training set");
          }
          progress.accept((double) bytes.count() / size);
        }
      }
      progress.accept(1);
      return new LabelledRows(features, labels, skipped);
    }
  }

  private static void requireHeader(List<String> header, TrainingLayout layout) {
    if (header == null) {
      throw new DomainValidationException("trainingSet", "the training-set file is empty");
    }
    if (!header.equals(layout.header())) {
      throw new DomainValidationException(
          "trainingSet",
          "the file's header "
              + header
              + " does not match the training set's columns "
              + layout.header());
    }
  }

  private static boolean isUsableLabel(
      String label, boolean numericLabel, TrainingLayout layout, CsvRecordReader records) {
    if (label == null || label.isBlank()) {
      return false;
    }
    if (!numericLabel) {
      return true;
    }
    return Double.isFinite(number(label, layout.header().get(layout.labelColumn()), records));
  }

  private static double[] featureValues(
      List<String> record, TrainingLayout layout, CsvRecordReader records) {
    double[] values = new double[layout.featureCount()];
    for (int f = 0; f < values.length; f++) {
      String cell = record.get(layout.featureColumn(f));
      // NaN and infinities count as missing: serving cannot feed them meaningfully either.
      double value =
          cell == null ? Double.NaN : number(cell, layout.featureNames().get(f), records);
      values[f] = Double.isFinite(value) ? value : Double.NaN;
    }
    return values;
  }

  private static double number(String cell, String column, CsvRecordReader records) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw malformed(records, "column " + column + " holds '" + cell + "', not a number");
    }
  }

  private static DomainValidationException malformed(CsvRecordReader records, String problem) {
    return new DomainValidationException(
        "trainingSet", "line " + records.recordLine() + " " + problem);
  }
}
