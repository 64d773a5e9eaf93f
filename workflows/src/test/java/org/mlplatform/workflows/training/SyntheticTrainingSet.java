package org.mlplatform.workflows.training;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.CsvTrainingSetWriter;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/**
 * Training sets with a known relationship between four features and the label, written with the
 * platform's own CSV writer. Feature columns are deliberately not in sorted order, so a test can
 * tell file order from the model's feature order. About 3% of feature cells and a fixed number of
 * labels are null.
 */
final class SyntheticTrainingSet {

  static final String LABEL = "label";
  static final List<String> FEATURES =
      List.of("txn__zeta", "txn__alpha", "profile__mid", "txn__beta");
  static final double[] WEIGHTS = {2.0, -1.5, 1.0, 0.0};

  /** Every this many rows the label is left empty. */
  static final int NULL_LABEL_EVERY = 97;

  private SyntheticTrainingSet() {}

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
  static Path binary(Path dir, int rows) throws IOException {
    return write(
        dir.resolve("binary.csv"),
        columns(FeatureType.INT64),
        rows,
        (x, noise) -> dot(x) + 0.2 * noise > 0 ? 1L : 0L);
  }

  /** Label {@code low}, {@code mid} or {@code high} by thresholds on the weighted sum. */
  static Path threeClasses(Path dir, int rows) throws IOException {
    return write(
        dir.resolve("three.csv"),
        columns(FeatureType.STRING),
        rows,
        (x, noise) -> {
          double z = dot(x) + 0.1 * noise;
          return z < -1 ? "low" : z < 1 ? "mid" : "high";
        });
  }

  /** Label = weighted sum + 0.5 + a little noise. */
  static Path linear(Path dir, int rows) throws IOException {
    return write(
        dir.resolve("linear.csv"),
        columns(FeatureType.FLOAT64),
        rows,
        (x, noise) -> dot(x) + 0.5 + 0.1 * noise);
  }

  static long nullLabels(int rows) {
    return (rows + NULL_LABEL_EVERY - 1) / NULL_LABEL_EVERY;
  }

  private static double dot(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += WEIGHTS[i] * x[i];
    }
    return sum;
  }

  private interface LabelFunction {
    Object label(double[] features, double noise);
  }

  private static Path write(Path file, List<TrainingColumn> columns, int rows, LabelFunction fn)
      throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvTrainingSetWriter writer = new CsvTrainingSetWriter(out);
      writer.start(columns);
      for (int r = 0; r < rows; r++) {
        double[] x = new double[FEATURES.size()];
        for (int f = 0; f < x.length; f++) {
          x[f] = gaussian(random);
        }
        Object label = fn.label(x, gaussian(random));
        Object[] values = new Object[columns.size()];
        values[0] = start.plusSeconds(60L * r);
        values[1] = (long) r;
        values[2] = r % NULL_LABEL_EVERY == 0 ? null : label;
        for (int f = 0; f < x.length; f++) {
          values[3 + f] = random.nextInt(100) < 3 ? null : x[f];
        }
        writer.row(values);
      }
    }
    return file;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
