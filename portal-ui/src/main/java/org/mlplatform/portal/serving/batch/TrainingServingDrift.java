package org.mlplatform.portal.serving.batch;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.monitoring.DatasetDriftResult;
import org.mlplatform.domain.monitoring.DriftAnalyzer;
import org.mlplatform.domain.monitoring.DriftColumn;
import org.mlplatform.domain.serving.PredictionRecord;

/**
 * Drift of each of a version's features between its training set (the reference) and the inputs
 * recent predictions logged (the current data), with the platform's default tests. Only versions
 * fed one {@code [rows, features]} tensor, as batch predictions are, can be compared this way.
 */
public final class TrainingServingDrift {

  private TrainingServingDrift() {}

  /** The comparison, and how many serving rows it rests on. */
  public record Comparison(DatasetDriftResult drift, int servingRows) {}

  /**
   * @param recent logged predictions of the model, any version; rows whose input has another width
   *     are left out
   * @throws org.mlplatform.domain.DomainValidationException when the version's input cannot be
   *     built from training-set columns
   */
  public static Comparison compare(
      ModelVersion version, InputStream trainingCsv, List<PredictionRecord> recent, int maxRows)
      throws IOException {
    BatchModel model = BatchModel.of(version);
    List<String> features = model.features();
    double[][] reference = referenceColumns(model, trainingCsv, maxRows);
    double[][] current = current(model.input(), features.size(), recent);
    List<DriftColumn> columns = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      columns.add(DriftColumn.numbers(features.get(f), reference[f], current[f]));
    }
    return new Comparison(
        DriftAnalyzer.withDefaults().analyzeDataset(columns),
        current.length == 0 ? 0 : current[0].length);
  }

  /**
   * The first {@code maxRows} rows of a training set's feature columns, one array per feature in
   * the version's input order; NaN where a cell is empty or not a number.
   *
   * @throws org.mlplatform.domain.DomainValidationException naming {@code trainingSet} when a
   *     feature column is missing
   */
  public static double[][] referenceColumns(BatchModel model, InputStream csv, int maxRows)
      throws IOException {
    CsvRecords records = new CsvRecords(new InputStreamReader(csv, StandardCharsets.UTF_8));
    FeatureColumns columns = FeatureColumns.locate(records.next(), model.features(), "trainingSet");
    int width = model.features().size();
    double[][] values = new double[width][maxRows];
    int rows = 0;
    List<String> record;
    while (rows < maxRows && (record = records.next()) != null) {
      for (int f = 0; f < width; f++) {
        values[f][rows] = number(record.get(columns.featureAt()[f]));
      }
      rows++;
    }
    for (int f = 0; f < width; f++) {
      values[f] = Arrays.copyOf(values[f], rows);
    }
    return values;
  }

  private static double[][] current(String input, int width, List<PredictionRecord> recent) {
    List<double[]> rows = new ArrayList<>();
    for (PredictionRecord record : recent) {
      JsonValue logged = inputOf(record.inputs(), input);
      if (logged instanceof JsonArray flat && !flat.isEmpty() && flat.size() % width == 0) {
        for (int start = 0; start < flat.size(); start += width) {
          double[] row = new double[width];
          for (int f = 0; f < width; f++) {
            row[f] = number(flat.get(start + f));
          }
          rows.add(row);
        }
      }
    }
    double[][] columns = new double[width][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int f = 0; f < width; f++) {
        columns[f][r] = rows.get(r)[f];
      }
    }
    return columns;
  }

  private static JsonValue inputOf(String json, String input) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object.get(input) : null;
    } catch (RuntimeException e) {
      return null; // a row the log could not hold as JSON says nothing about drift
    }
  }

  private static double number(JsonValue value) {
    return switch (value) {
      case JsonNumber n -> n.doubleValue();
      case JsonString s -> number(s.getString());
      default -> Double.NaN;
    };
  }

  private static double number(String text) {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
