package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.workflows.training.TrainedModel;
import org.mlplatform.workflows.training.TrainingRequest;
import org.mlplatform.workflows.training.TribuoTrainer;

/**
 * A real model: Tribuo trains a logistic regression on a small training set, and the batch run's
 * probabilities for every row equal what ONNX Runtime gives for that row alone, imputed rows
 * included; then a million generated rows stream through in chunks.
 */
class BatchRunOnnxTest {

  private static final List<String> FEATURES = List.of("txn__amount", "txn__count");

  @TempDir static Path folder;

  private static Path trainingSet;
  private static TrainedModel trained;
  private static ModelVersion version;

  @BeforeAll
  static void train() throws Exception {
    trainingSet = folder.resolve("training-set.csv");
    Random random = new Random(11);
    try (Writer out = Files.newBufferedWriter(trainingSet, StandardCharsets.UTF_8)) {
      CsvLineWriter line = new CsvLineWriter(out);
      for (String name :
          List.of("event_timestamp", "customer_id", "label", FEATURES.get(0), FEATURES.get(1))) {
        line.field(name);
      }
      line.endLine();
      for (int id = 1; id <= 400; id++) {
        double amount = random.nextGaussian();
        double count = random.nextGaussian();
        String label = amount - count + 0.3 * random.nextGaussian() > 0 ? "fraud" : "ok";
        line.field("2026-04-02T00:00:00Z").field(Integer.toString(id)).field(label);
        line.field(id % 50 == 0 ? null : Double.toString(amount)); // some rows to impute
        line.field(Double.toString(count));
        line.endLine();
      }
    }
    List<TrainingColumn> columns =
        List.of(
            new TrainingColumn(
                "event_timestamp", FeatureType.TIMESTAMP, Role.EVENT_TIMESTAMP, null),
            new TrainingColumn("customer_id", FeatureType.INT64, Role.JOIN_KEY, null),
            new TrainingColumn("label", FeatureType.STRING, Role.PASSTHROUGH, null),
            new TrainingColumn(FEATURES.get(0), FeatureType.FLOAT64, Role.FEATURE, "txn:amount"),
            new TrainingColumn(FEATURES.get(1), FeatureType.FLOAT64, Role.FEATURE, "txn:count"));
    trained =
        new TribuoTrainer()
            .train(
                trainingSet,
                columns,
                new TrainingRequest("label", "logistic-regression", Map.of("epochs", "5")),
                done -> {});
    Map<String, String> hyperparameters = new LinkedHashMap<>();
    trained.imputation().forEach((f, v) -> hyperparameters.put("imputation." + f, v.toString()));
    version =
        TestVersions.trained(
            "logistic-regression",
            ElementType.FP32,
            trained.featureOrder(),
            trained.labels(),
            hyperparameters);
  }

  @Test
  void everyRowsProbabilitiesAreWhatOnnxRuntimeGivesForThatRow() throws Exception {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    BatchModel model = BatchModel.of(version);
    Path result = folder.resolve("result.csv");
    BatchRun.Outcome outcome;
    try (OrtScorer scorer = OrtScorer.open(environment, trained.onnx());
        InputStream in = Files.newInputStream(trainingSet);
        Writer out = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
      outcome =
          new BatchRun(model, scorer, 64)
              .run(in, Files.size(trainingSet), out, "trainingSetId", (f, r) -> {});
    }
    assertThat(outcome.rows()).isEqualTo(400);
    assertThat(outcome.rowsWithImputation()).isEqualTo(8);

    List<List<String>> input = BatchRunTest.read(Files.readString(trainingSet));
    List<List<String>> output = BatchRunTest.read(Files.readString(result));
    List<String> header = output.getFirst();
    List<String> labels = trained.labels();
    assertThat(header.subList(0, 4))
        .containsExactly("event_timestamp", "customer_id", "label", "prediction");
    assertThat(header.getLast()).isEqualTo("imputed");
    assertThat(output).hasSize(input.size());
    try (OrtSession session = environment.createSession(trained.onnx())) {
      for (int r = 1; r < input.size(); r++) {
        float[] features = new float[FEATURES.size()];
        for (int f = 0; f < features.length; f++) {
          String feature = trained.featureOrder().get(f);
          String cell = input.get(r).get(input.getFirst().indexOf(feature));
          features[f] =
              (float) (cell == null ? trained.imputation().get(feature) : Double.parseDouble(cell));
        }
        float[] expected = runAlone(environment, session, features);
        List<String> row = output.get(r);
        assertThat(row.subList(0, 3)).isEqualTo(input.get(r).subList(0, 3));
        int best = 0;
        for (int k = 0; k < labels.size(); k++) {
          float actual = Float.parseFloat(row.get(header.indexOf("probability_" + labels.get(k))));
          assertThat(actual).isCloseTo(expected[k], Offset.offset(1e-6f));
          best = expected[k] > expected[best] ? k : best;
        }
        assertThat(row.get(3)).isEqualTo(labels.get(best));
        assertThat(row.getLast()).isEqualTo(r % 50 == 0 ? "txn:amount" : null);
      }
    }
  }

  @Test
  void aMillionRowsStreamThroughInChunks() throws Exception {
    int rows = 1_000_000;
    List<Long> chunkSizes = new ArrayList<>();
    CountingWriter out = new CountingWriter();
    BatchRun.Outcome outcome;
    try (OrtScorer session = OrtScorer.open(OrtEnvironment.getEnvironment(), trained.onnx())) {
      Scorer scorer =
          new Scorer() {
            @Override
            public List<OutputTensor> score(InputTensor input) throws ai.onnxruntime.OrtException {
              chunkSizes.add(input.batchSize());
              return session.score(input);
            }
          };
      outcome =
          new BatchRun(BatchModel.of(version), scorer, BatchRun.CHUNK_ROWS)
              .run(new GeneratedCsv(rows), -1, out, "csv", (f, r) -> {});
    }
    assertThat(outcome.rows()).isEqualTo(rows);
    assertThat(out.lines).isEqualTo(rows + 1L);
    assertThat(chunkSizes).hasSize((rows + BatchRun.CHUNK_ROWS - 1) / BatchRun.CHUNK_ROWS);
    assertThat(chunkSizes.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isEqualTo(BatchRun.CHUNK_ROWS);
  }

  private static float[] runAlone(OrtEnvironment environment, OrtSession session, float[] row)
      throws Exception {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, new float[][] {row});
        OrtSession.Result out = session.run(Map.of("input", tensor))) {
      return ((float[][]) out.get(0).getValue())[0];
    }
  }

  /** CSV rows made on the fly, so that the test itself holds no more than the run does. */
  private static final class GeneratedCsv extends InputStream {
    private final int rows;
    private int next;
    private byte[] line = "id,txn:count,txn:amount\n".getBytes(StandardCharsets.US_ASCII);
    private int at;

    GeneratedCsv(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (at == line.length) {
        if (next == rows) {
          return -1;
        }
        next++;
        line =
            (next + "," + (next % 7 - 3) + "," + (next % 11) / 5.0 + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        at = 0;
      }
      return line[at++];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = 0;
      while (n < length) {
        int b = read();
        if (b < 0) {
          return n == 0 ? -1 : n;
        }
        buffer[offset + n++] = (byte) b;
      }
      return n;
    }
  }

  /** Counts lines and drops the text: the result of a million rows need not sit in the test. */
  private static final class CountingWriter extends Writer {
    long lines;

    @Override
    public void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public Writer append(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lines++;
        }
      }
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
