package org.mlplatform.serving.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.TensorData;
import org.mlplatform.serving.monitoring.LoggedJson;

/** Personal-data columns reach the log as null, and monitoring reads them as missing. */
class LogMaskTest {

  private static final LogMask AGE =
      LogMask.of("input", List.of("txn:amount", "customers:age"), Set.of("customers:age"));

  private static PredictionRecord logged(LogMask mask, InputTensor... inputs) {
    return new LoggedPrediction(
            UUID.randomUUID(),
            Instant.now(),
            ModelVersionId.of("fraud", 1),
            Route.PRIMARY,
            null,
            List.of(inputs),
            List.of(),
            10,
            mask)
        .toRecord();
  }

  private static InputTensor input(String name, long[] shape, double... values) {
    return new InputTensor(name, ElementType.FP64, shape, TensorData.ofDoubles(values));
  }

  @Test
  void masksTheColumnInEveryRowAndNamesIt() {
    PredictionRecord record = logged(AGE, input("input", new long[] {2, 2}, 12.5, 41, 13.5, 67));

    assertThat(record.inputs())
        .isEqualTo("{\"input\":[12.5,null,13.5,null],\"$masked\":[\"customers:age\"]}");
    double[] read = LoggedJson.numbers(record.inputs(), "input", 4);
    assertThat(read[0]).isEqualTo(12.5);
    assertThat(read[1]).isNaN();
    assertThat(read[3]).isNaN();
  }

  @Test
  void anInputOfAnotherWidthIsMaskedWhole() {
    PredictionRecord record = logged(AGE, input("input", new long[] {1, 3}, 1, 2, 3));

    assertThat(record.inputs()).startsWith("{\"input\":[null,null,null]");
  }

  @Test
  void otherInputsAndVersionsWithoutPersonalDataStayInClear() {
    assertThat(LogMask.of("input", List.of("txn:amount"), Set.of("customers:age")))
        .isSameAs(LogMask.NONE);
    PredictionRecord record = logged(AGE, input("other", new long[] {1, 2}, 1, 41));

    assertThat(record.inputs()).isEqualTo("{\"other\":[1.0,41.0]}");
    assertThat(logged(LogMask.NONE, input("input", new long[] {1, 2}, 1, 41)).inputs())
        .isEqualTo("{\"input\":[1.0,41.0]}");
  }
}
