package org.mlplatform.benchmarks.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.serving.monitoring.MonitoredVersion;

/**
 * The benchmark's model and data (fixed seeds). A binary classifier {@code bench} v1 takes one FP32
 * input {@code input [batch, F]} and answers {@code probabilities [batch, 2]}, labels {@code 0} and
 * {@code 1}: p1 = sigmoid(0.3 * sum of the centred features). Feature {@code fk} (k from 1) is
 * Normal(k, 1) in the training data; in the logged traffic every fourth feature from {@code f1}
 * ({@code f1, f5, f9, f13, f17} of 20) is shifted by half a standard deviation, which the default
 * normed Wasserstein test (threshold 0.1) must call drift, and the others are not.
 *
 * <p>Each logged record is one row as the serving engine writes it ({@code LoggedPrediction}):
 * {@code {"input":[..]}} and {@code {"probabilities":[p0,p1]}} with each float in its shortest
 * digits, route primary, no request id, about 300 µs of latency. The records are spread evenly over
 * the hour before {@code end} in the order of their numbers (give or take a millisecond), as the
 * log's writer appends them: the table ends up in time order, as a real log's does.
 */
final class SyntheticTraffic {

  static final String MODEL = "bench";
  static final int VERSION = 1;
  static final String INPUT = "input";
  static final String OUTPUT = "probabilities";
  static final List<String> LABELS = List.of("0", "1");
  static final double SHIFT = 0.5;
  static final double WEIGHT = 0.3;
  static final long SEED = 20261128L;
  static final long HOUR_MICROS = 3_600_000_000L;

  private final int features;

  SyntheticTraffic(int features) {
    this.features = features;
  }

  List<String> featureNames() {
    return IntStream.rangeClosed(1, features).mapToObj(k -> "f" + k).toList();
  }

  /** Whether the logged traffic shifts feature {@code f} (from 0). */
  static boolean shifted(int f) {
    return f % 4 == 0;
  }

  List<String> shiftedNames() {
    return IntStream.range(0, features)
        .filter(SyntheticTraffic::shifted)
        .mapToObj(f -> "f" + (f + 1))
        .toList();
  }

  MonitoredVersion version() {
    ModelSignature signature =
        new ModelSignature(
            List.of(
                TensorSpec.tensor(
                    INPUT,
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(features)))),
            List.of(
                TensorSpec.tensor(
                    OUTPUT,
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(LABELS.size())))),
            17,
            "mlp-benchmarks",
            "1");
    return new MonitoredVersion(
        ModelVersionId.of(MODEL, VERSION), signature, INPUT, featureNames(), LABELS, true);
  }

  /**
   * The training set's values, {@code rows} per feature, and the model's labels on the first {@code
   * labels} of them as the held-out predictions.
   */
  Baseline baseline(int rows, int labels) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[][] reference = new double[features][rows];
    String[] referenceLabels = new String[labels];
    double[] row = new double[features];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < features; f++) {
        row[f] = mean(f) + random.nextGaussian();
        reference[f][r] = row[f];
      }
      if (r < labels) {
        double p1 = probability(row);
        referenceLabels[r] = LABELS.get(p1 > 1 - p1 ? 1 : 0);
      }
    }
    return new Baseline(
        featureNames(),
        reference,
        PredictionKind.LABEL,
        referenceLabels,
        new double[0],
        "synthetic training set, seed " + SEED);
  }

  /**
   * Logged records {@code [first, first + count)} of {@code total}, the same whichever thread makes
   * them.
   */
  List<PredictionRecord> records(long first, int count, long total, Instant end) {
    SplittableRandom random = new SplittableRandom(SEED + 1 + first);
    long endMicros = end.getEpochSecond() * 1_000_000 + end.getNano() / 1_000;
    long startMicros = endMicros - HOUR_MICROS;
    List<PredictionRecord> records = new ArrayList<>(count);
    double[] row = new double[features];
    StringBuilder inputs = new StringBuilder(16 * features);
    for (int i = 0; i < count; i++) {
      inputs.setLength(0);
      inputs.append("{\"").append(INPUT).append("\":[");
      for (int f = 0; f < features; f++) {
        float value = (float) (mean(f) + (shifted(f) ? SHIFT : 0) + random.nextGaussian());
        row[f] = value; // the model was fed the float
        inputs.append(f == 0 ? "" : ",").append(shortest(value));
      }
      inputs.append("]}");
      float p1 = (float) probability(row);
      String outputs = "{\"" + OUTPUT + "\":[" + shortest(1 - p1) + "," + shortest(p1) + "]}";
      long atMicros =
          Math.clamp(
              startMicros + (first + i) * HOUR_MICROS / total + random.nextLong(-1_000, 1_000),
              startMicros,
              endMicros - 1);
      Instant at = Instant.ofEpochSecond(atMicros / 1_000_000, atMicros % 1_000_000 * 1_000);
      long latency = Math.max(50, Math.round(300 + 60 * random.nextGaussian()));
      records.add(
          new PredictionRecord(
              uuid(random),
              at,
              MODEL,
              VERSION,
              PredictionRecord.PRIMARY,
              null,
              inputs.toString(),
              outputs,
              latency));
    }
    return records;
  }

  private static double mean(int f) {
    return f + 1;
  }

  private double probability(double[] row) {
    double logit = 0;
    for (int f = 0; f < features; f++) {
      logit += WEIGHT * (row[f] - mean(f));
    }
    return 1 / (1 + Math.exp(-logit));
  }

  /** As the serving engine writes a float: its own shortest digits, through BigDecimal. */
  private static String shortest(float value) {
    return new BigDecimal(Float.toString(value)).toString();
  }

  /** A version 4 UUID from the seeded generator. */
  private static UUID uuid(SplittableRandom random) {
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
