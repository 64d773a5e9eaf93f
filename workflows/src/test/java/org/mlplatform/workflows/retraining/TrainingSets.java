package org.mlplatform.workflows.retraining;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.CsvTrainingSetWriter;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/**
 * Training sets with a known relationship between four features and the label, written with the
 * platform's CSV writer (like the trainer tests' {@code SyntheticTrainingSet}, which is private to
 * its package). Feature columns are not in sorted order; about 3% of feature cells and every 97th
 * label are null. A "shuffled" set has the same rows with their labels permuted, so a model trained
 * on it learns nothing useful.
 */
final class TrainingSets {

  static final String LABEL = "label";
  static final List<String> FEATURES =
      List.of("txn__zeta", "txn__alpha", "profile__mid", "txn__beta");
  private static final double[] WEIGHTS = {2.0, -1.5, 1.0, 0.0};
  private static final int NULL_LABEL_EVERY = 97;

  private TrainingSets() {}

  static List<TrainingColumn> columns(FeatureType labelType) {
    List<TrainingColumn> columns = new ArrayList<>();
    columns.add(
        new TrainingColumn("event_timestamp", FeatureType.TIMESTAMP, Role.EVENT_TIMESTAMP, null));
    columns.add(new TrainingColumn("customer_id", FeatureType.INT64, Role.JOIN_KEY, null));
    columns.add(new TrainingColumn(LABEL, labelType, Role.PASSTHROUGH, null));
    for (String feature : FEATURES) {
      columns.add(
          new TrainingColumn(
              feature, FeatureType.FLOAT64, Role.FEATURE, feature.replace("__", ":")));
    }
    return columns;
  }

  /** Label 1 when the weighted sum of the features (plus a little noise) is positive, else 0. */
  static Path binary(Path file, int rows, boolean shuffled) throws IOException {
    return write(
        file, FeatureType.INT64, rows, shuffled, (sum, noise) -> sum + 0.2 * noise > 0 ? 1L : 0L);
  }

  /** Label {@code low}, {@code mid} or {@code high} by thresholds on the weighted sum. */
  static Path threeClasses(Path file, int rows) throws IOException {
    return write(
        file,
        FeatureType.STRING,
        rows,
        false,
        (sum, noise) -> {
          double z = sum + 0.1 * noise;
          return z < -1 ? "low" : z < 1 ? "mid" : "high";
        });
  }

  /** Label = weighted sum + 0.5 + a little noise. */
  static Path linear(Path file, int rows, boolean shuffled) throws IOException {
    return write(
        file, FeatureType.FLOAT64, rows, shuffled, (sum, noise) -> sum + 0.5 + 0.1 * noise);
  }

  private interface LabelFunction {
    Object label(double weightedSum, double noise);
  }

  private static Path write(
      Path file, FeatureType labelType, int rows, boolean shuffled, LabelFunction target)
      throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    double[][] features = new double[rows][FEATURES.size()];
    Object[] labels = new Object[rows];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < FEATURES.size(); f++) {
        features[r][f] = gaussian(random);
      }
      labels[r] = target.label(dot(features[r]), gaussian(random));
    }
    if (shuffled) {
      SplittableRandom shuffle = new SplittableRandom(7);
      for (int i = rows - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        Object swap = labels[i];
        labels[i] = labels[j];
        labels[j] = swap;
      }
    }
    List<TrainingColumn> columns = columns(labelType);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvTrainingSetWriter writer = new CsvTrainingSetWriter(out);
      writer.start(columns);
      for (int r = 0; r < rows; r++) {
        Object[] values = new Object[columns.size()];
        values[0] = start.plusSeconds(60L * r);
        values[1] = (long) r;
        values[2] = r % NULL_LABEL_EVERY == 0 ? null : labels[r];
        for (int f = 0; f < FEATURES.size(); f++) {
          values[3 + f] = random.nextInt(100) < 3 ? null : features[r][f];
        }
        writer.row(values);
      }
    }
    return file;
  }

  /** Writes {@code rows} (each in column order) under a header of {@code columns}. */
  static Path write(Path file, List<TrainingColumn> columns, List<Object[]> rows)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvTrainingSetWriter writer = new CsvTrainingSetWriter(out);
      writer.start(columns);
      rows.forEach(row -> writer.row(Arrays.copyOf(row, row.length)));
    }
    return file;
  }

  private static double dot(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += WEIGHTS[i] * x[i];
    }
    return sum;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
