package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;

/** The run's reading, chunking and writing, with a scorer that computes a known function. */
class BatchRunTest {

  private static final String HEADER = "customer_id,event_timestamp,txn__amount,txn:count,label\n";

  /** p(fraud) = amount / 100; records each chunk it was given. */
  private static final class Probabilities implements Scorer {
    final List<InputTensor> chunks = new ArrayList<>();

    @Override
    public List<OutputTensor> score(InputTensor input) {
      chunks.add(input);
      int rows = (int) input.batchSize();
      float[] out = new float[rows * 2];
      for (int r = 0; r < rows; r++) {
        float p = (float) (input.data().number(r * 2) / 100);
        out[r * 2] = p;
        out[r * 2 + 1] = 1 - p;
      }
      return List.of(
          new OutputTensor.Tensor(
              "output", ElementType.FP32, new long[] {rows, 2}, TensorData.ofFloats(out)));
    }
  }

  @Test
  void runsInChunksAndWritesOneResultRowPerInputRow() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 10; i++) {
      csv.append(i).append(",2026-04-01T00:00:00Z,").append(i * 5).append(",1,ok\n");
    }
    Probabilities scorer = new Probabilities();
    List<double[]> progress = new ArrayList<>();

    StringWriter out = new StringWriter();
    BatchRun.Outcome outcome =
        new BatchRun(BatchModel.of(TestVersions.classifier()), scorer, 4)
            .run(
                stream(csv.toString()),
                csv.length(),
                out,
                "csv",
                (fraction, rows) -> progress.add(new double[] {fraction, rows}));

    assertThat(outcome.rows()).isEqualTo(10);
    assertThat(outcome.rowsWithImputation()).isZero();
    assertThat(scorer.chunks).extracting(InputTensor::batchSize).containsExactly(4L, 4L, 2L);
    assertThat(scorer.chunks.getFirst().shape()).containsExactly(4, 2);
    assertThat(scorer.chunks.getFirst().datatype()).isEqualTo(ElementType.FP32);
    List<List<String>> rows = read(out.toString());
    assertThat(rows.getFirst())
        .containsExactly(
            "customer_id",
            "event_timestamp",
            "label",
            "prediction",
            "probability_fraud",
            "probability_ok",
            "imputed");
    assertThat(rows).hasSize(11);
    assertThat(rows.get(1))
        .containsExactly(
            "1",
            "2026-04-01T00:00:00Z",
            "ok",
            "ok",
            Float.toString(0.05f),
            Float.toString(1 - 0.05f),
            null);
    // 0.5 against 0.5: a tie goes to the first label, as an argmax does.
    assertThat(rows.get(10).subList(0, 5))
        .containsExactly("10", "2026-04-01T00:00:00Z", "ok", "fraud", Float.toString(0.5f));
    assertThat(progress).isNotEmpty();
    assertThat(progress.getLast()).containsExactly(1, 10);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  @Test
  void imputesMissingValuesTheVersionHasAValueFor() throws Exception {
    String csv = HEADER + "1,t,,2,ok\n2,t,NaN,2,ok\n3,t,90,2,fraud\n";
    Probabilities scorer = new Probabilities();
    StringWriter out = new StringWriter();

    BatchRun.Outcome outcome =
        new BatchRun(BatchModel.of(TestVersions.classifier()), scorer, 1024)
            .run(stream(csv), csv.length(), out, "csv", (f, r) -> {});

    assertThat(outcome.rowsWithImputation()).isEqualTo(2);
    assertThat(scorer.chunks.getFirst().data().toDoubleArray())
        .containsExactly(12.5, 2, 12.5, 2, 90, 2);
    List<List<String>> rows = read(out.toString());
    assertThat(rows.get(1).getLast()).isEqualTo("txn:amount");
    assertThat(rows.get(3).getLast()).isNull();
    assertThat(rows.get(3).get(3)).isEqualTo("fraud");
  }

  @Test
  void aMissingValueWithoutImputationFailsNamingRowAndFeature() {
    String csv = HEADER + "1,t,5,2,ok\n2,t,5,,ok\n";

    assertThatThrownBy(() -> run(csv))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("csv"))
        .hasMessageContaining("row 2")
        .hasMessageContaining("feature txn__count")
        .hasMessageContaining("fraud:3");
  }

  @Test
  void badRowsFailNamingTheRow() {
    assertThatThrownBy(() -> run(HEADER + "1,t,5,2,ok\n2,t,five,2,ok\n"))
        .hasMessageContaining("row 2")
        .hasMessageContaining("'five'")
        .hasMessageContaining("txn__amount");
    assertThatThrownBy(() -> run(HEADER + "1,t,5,2\n")).hasMessageContaining("row 1 has 4 fields");
  }

  @Test
  void refusesInputWithoutAFeatureOrWithAColumnTheResultAdds() {
    assertThatThrownBy(() -> run("customer_id,txn__amount\n1,2\n"))
        .hasMessageContaining("feature txn__count");
    assertThatThrownBy(() -> run("prediction,txn__amount,txn__count\nx,1,2\n"))
        .hasMessageContaining("already has a column prediction");
  }

  @Test
  void aFailingModelNamesTheRowsOfTheChunk() {
    Scorer failing =
        input -> {
          throw new OrtException("shape mismatch");
        };
    String csv = HEADER + "1,t,5,2,ok\n2,t,5,2,ok\n3,t,5,2,ok\n";

    assertThatThrownBy(
            () ->
                new BatchRun(BatchModel.of(TestVersions.classifier()), failing, 2)
                    .run(stream(csv), csv.length(), new StringWriter(), "csv", (f, r) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows 1 to 2")
        .hasMessageContaining("shape mismatch");
  }

  @Test
  void aRegressorWritesItsValueAndTakesDoublesWhenItsInputIsFp64() throws Exception {
    BatchModel regressor =
        BatchModel.of(
            TestVersions.trained(
                "linear-regression",
                ElementType.FP64,
                List.of("txn__amount"),
                List.of("spend"),
                Map.of()));
    List<InputTensor> seen = new ArrayList<>();
    Scorer doubling =
        input -> {
          seen.add(input);
          double[] in = input.data().toDoubleArray();
          float[] out = new float[in.length];
          for (int i = 0; i < in.length; i++) {
            out[i] = (float) (2 * in[i]);
          }
          return List.of(
              new OutputTensor.Tensor(
                  "output", ElementType.FP32, new long[] {in.length, 1}, TensorData.ofFloats(out)));
        };
    String csv = "id,txn__amount\na,1.5\nb,\"4\"\n";
    StringWriter out = new StringWriter();

    new BatchRun(regressor, doubling, 8).run(stream(csv), csv.length(), out, "csv", (f, r) -> {});

    assertThat(seen.getFirst().datatype()).isEqualTo(ElementType.FP64);
    assertThat(read(out.toString()))
        .containsExactly(
            List.of("id", "prediction", "imputed"),
            java.util.Arrays.asList("a", "3.0", null),
            java.util.Arrays.asList("b", "8.0", null));
  }

  @Test
  void classProbabilitiesComeFromAMapPerRowToo() throws Exception {
    Scorer zipMap =
        input ->
            List.of(
                new OutputTensor.Tensor(
                    "output_label",
                    ElementType.BYTES,
                    new long[] {1},
                    TensorData.ofStrings(new String[] {"ok"})),
                new OutputTensor.Structured(
                    "output_probability", List.of(Map.of("fraud", 0.75f, "ok", 0.25f))));
    String csv = "txn__amount,txn__count\n1,2\n";
    StringWriter out = new StringWriter();

    new BatchRun(BatchModel.of(TestVersions.classifier()), zipMap, 8)
        .run(stream(csv), csv.length(), out, "csv", (f, r) -> {});

    assertThat(read(out.toString()).get(1)).containsExactly("fraud", "0.75", "0.25", null);
  }

  @Test
  void outputsWithoutAPredictionPerRowAreAnError() {
    Scorer wrong =
        input ->
            List.of(
                new OutputTensor.Tensor(
                    "output",
                    ElementType.FP32,
                    new long[] {1, 3},
                    TensorData.ofFloats(new float[] {1, 2, 3})));

    assertThatThrownBy(
            () ->
                new BatchRun(BatchModel.of(TestVersions.classifier()), wrong, 8)
                    .run(
                        stream("txn__amount,txn__count\n1,2\n"),
                        10,
                        new StringWriter(),
                        "csv",
                        (f, r) -> {}))
        .hasMessageContaining("no class probabilities");
  }

  private static void run(String csv) throws Exception {
    new BatchRun(BatchModel.of(TestVersions.classifier()), new Probabilities(), 1024)
        .run(stream(csv), csv.length(), new StringWriter(), "csv", (f, r) -> {});
  }

  static ByteArrayInputStream stream(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }

  static List<List<String>> read(String csv) throws IOException {
    CsvRecords records = new CsvRecords(new StringReader(csv));
    List<List<String>> rows = new ArrayList<>();
    List<String> record;
    while ((record = records.next()) != null) {
      rows.add(record);
    }
    return rows;
  }
}
