package org.mlplatform.serving.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;
import org.mlplatform.serving.monitoring.LoggedJson;

/** What the log writes reads back the same, and bad text gives null rather than an exception. */
class LoggedJsonTest {

  private static PredictionRecord logged(List<InputTensor> inputs, List<OutputTensor> outputs) {
    return new LoggedPrediction(
            UUID.randomUUID(),
            Instant.now(),
            ModelVersionId.of("fraud", 1),
            Route.PRIMARY,
            null,
            inputs,
            outputs,
            10)
        .toRecord();
  }

  @Test
  void floatsAndDoublesReadBackExactly() {
    Random random = new Random(7);
    float[] floats = new float[2_000];
    double[] doubles = new double[2_000];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      doubles[i] = random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
    }
    floats[3] = Float.NaN;
    floats[4] = Float.POSITIVE_INFINITY;
    doubles[5] = Double.NEGATIVE_INFINITY;
    doubles[6] = -0.0;
    floats[7] = Float.MIN_VALUE;
    doubles[8] = Double.MAX_VALUE;
    PredictionRecord record =
        logged(
            List.of(
                new InputTensor(
                    "input", ElementType.FP32, new long[] {1000, 2}, TensorData.ofFloats(floats)),
                new InputTensor(
                    "wide", ElementType.FP64, new long[] {2000}, TensorData.ofDoubles(doubles))),
            List.of());

    double[] readFloats = LoggedJson.numbers(record.inputs(), "input");
    double[] readDoubles = LoggedJson.numbers(record.inputs(), "wide");

    assertThat(readFloats).hasSize(floats.length);
    for (int i = 0; i < floats.length; i++) {
      // Float.compare also equates NaN with itself and tells -0.0 from 0.0.
      assertThat(Float.compare((float) readFloats[i], floats[i])).as("float %d", i).isZero();
      assertThat(Double.compare(readDoubles[i], doubles[i])).as("double %d", i).isZero();
    }
  }

  @Test
  void floatsAreWrittenWithTheirOwnShortestDigits() {
    PredictionRecord record =
        logged(
            List.of(
                new InputTensor(
                    "input",
                    ElementType.FP32,
                    new long[] {1, 2},
                    TensorData.ofFloats(new float[] {0.1f, 12.5f}))),
            List.of());

    assertThat(record.inputs()).isEqualTo("{\"input\":[0.1,12.5]}");
  }

  @Test
  void entriesReadStructuredOutputs() {
    PredictionRecord record =
        logged(
            List.of(),
            List.of(
                new OutputTensor.Tensor(
                    "label",
                    ElementType.BYTES,
                    new long[] {1},
                    TensorData.ofStrings(new String[] {"fraud \"x\""})),
                new OutputTensor.Structured(
                    "probabilities", List.of(Map.of("fraud", 0.75f, "ok", 0.25f)))));

    Map<String, List<Object>> entries = LoggedJson.entries(record.outputs());

    assertThat(entries.get("label")).containsExactly("fraud \"x\"");
    assertThat(entries.get("probabilities")).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> probabilities = (Map<String, Object>) entries.get("probabilities").get(0);
    assertThat(probabilities).containsEntry("fraud", 0.75).containsEntry("ok", 0.25);
  }

  @Test
  void oddValuesInANumericArrayReadAsMissing() {
    double[] values =
        LoggedJson.numbers("{\"a\": [1, null, true, \"x\", \"NaN\", {\"k\": 1}, -2.5e-3]}", "a");

    assertThat(values).hasSize(7);
    assertThat(values[0]).isEqualTo(1.0);
    for (int i = 1; i <= 5; i++) {
      assertThat(values[i]).isNaN();
    }
    assertThat(values[6]).isEqualTo(-0.0025);
  }

  @Test
  void badTextGivesNull() {
    for (String bad :
        new String[] {
          null, "", "[", "{\"a\":[1,2", "{\"a\":[1,,2]}", "{\"a\":[1e]}", "{\"a\" [1]}", "nope"
        }) {
      assertThat(LoggedJson.numbers(bad, "a")).as(String.valueOf(bad)).isNull();
      assertThat(LoggedJson.entries(bad)).as(String.valueOf(bad)).isNull();
    }
    assertThat(LoggedJson.numbers("{\"b\":[1]}", "a")).isNull();
    assertThat(LoggedJson.numbers("{\"omitted\":\"9 characters\"}", "a")).isNull();
  }

  @Test
  void longMantissasFallBackToTheJdkParser() {
    assertThat(LoggedJson.numbers("{\"a\":[0.30000000000000004, 123456789012345678901]}", "a"))
        .containsExactly(0.30000000000000004, 123456789012345678901.0);
  }
}
