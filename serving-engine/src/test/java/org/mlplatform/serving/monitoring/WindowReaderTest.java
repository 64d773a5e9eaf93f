package org.mlplatform.serving.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.serving.InMemoryPredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;

/**
 * A window is filled from the log with one version's rows only, predictions are read from whichever
 * output holds them, and records the reader cannot use are counted, not fatal.
 */
class WindowReaderTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final List<String> FEATURES = List.of("a", "b");
  private static final TensorSpec INPUT =
      TensorSpec.tensor(
          "input", ElementType.FP32, List.of(Dimension.dynamic("n"), Dimension.fixed(2)));

  private static MonitoredVersion classifier(TensorSpec... outputs) {
    return new MonitoredVersion(
        ModelVersionId.of("fraud", 2),
        new ModelSignature(List.of(INPUT), List.of(outputs), 17, "", ""),
        "input",
        FEATURES,
        List.of("fraud", "ok"),
        true);
  }

  private static PredictionRecord record(int version, int second, String inputs, String outputs) {
    return new PredictionRecord(
        UUID.randomUUID(),
        T0.plusSeconds(second),
        "fraud",
        version,
        PredictionRecord.PRIMARY,
        null,
        inputs,
        outputs,
        100);
  }

  @Test
  void readsTheVersionsRowsWithLabelsFromProbabilities() {
    MonitoredVersion version =
        classifier(
            TensorSpec.tensor(
                "probabilities",
                ElementType.FP32,
                List.of(Dimension.dynamic("n"), Dimension.fixed(2))));
    InMemoryPredictionLogStore log = new InMemoryPredictionLogStore();
    log.append(
        List.of(
            record(2, 1, "{\"input\":[1,2,3,4]}", "{\"probabilities\":[0.9,0.1,0.2,0.8]}"),
            record(1, 2, "{\"input\":[9,9]}", "{\"probabilities\":[0.9,0.1]}"),
            record(2, 3, "{\"input\":[1,2,3]}", "{\"probabilities\":[0.9,0.1]}"),
            record(2, 4, "not json", "{}")));
    WindowColumns window = new WindowColumns(FEATURES, PredictionKind.LABEL, 100);

    WindowReader.Read read =
        new WindowReader(version, LoggedPredictions.of(version))
            .read(log, T0, T0.plusSeconds(60), 100, window);

    assertThat(read.records()).isEqualTo(4);
    assertThat(read.unreadable()).isEqualTo(2);
    assertThat(window.rows()).isEqualTo(2);
    assertThat(window.feature(0)).containsExactly(1, 3);
    assertThat(window.predictedLabels()).containsExactly("fraud", "ok");
  }

  @Test
  void readsLabelTensorsAndConverterMaps() {
    MonitoredVersion labelled =
        classifier(TensorSpec.tensor("label", ElementType.BYTES, List.of(Dimension.dynamic("n"))));
    LoggedPredictions labels = LoggedPredictions.of(labelled);
    assertThat(labels.labels("{\"label\":[\"ok\",\"fraud\"]}", 2)).containsExactly("ok", "fraud");
    assertThat(labels.hasProbabilities()).isFalse();

    MonitoredVersion mapped =
        classifier(
            TensorSpec.tensor("label", ElementType.INT64, List.of(Dimension.dynamic("n"))),
            new TensorSpec("probabilities", ValueKind.SEQUENCE, ElementType.FP32, List.of(), ""));
    LoggedPredictions maps = LoggedPredictions.of(mapped);
    String outputs = "{\"label\":[1],\"probabilities\":[{\"fraud\":0.3,\"ok\":0.7}]}";
    assertThat(maps.hasProbabilities()).isTrue();
    assertThat(maps.labels(outputs, 1)).containsExactly("ok");
    assertThat(maps.probabilities(outputs, 1)[0]).containsExactly(0.3f, 0.7f);
    assertThat(maps.rowsOf(outputs)).isEqualTo(1);
  }

  @Test
  void readsARegressorsFirstColumn() {
    MonitoredVersion regressor =
        new MonitoredVersion(
            ModelVersionId.of("price", 1),
            new ModelSignature(
                List.of(INPUT),
                List.of(
                    TensorSpec.tensor(
                        "variable",
                        ElementType.FP32,
                        List.of(Dimension.dynamic("n"), Dimension.fixed(1)))),
                17,
                "",
                ""),
            "input",
            FEATURES,
            List.of("price"),
            false);
    LoggedPredictions values = LoggedPredictions.of(regressor);

    assertThat(values.values("{\"variable\":[1.5,2.5]}", 2)).containsExactly(1.5, 2.5);
    assertThat(values.values("{\"variable\":[1.5]}", 2)[1]).isNaN();
    assertThat(values.rowsOf("{\"variable\":[1.5,2.5,3.5]}")).isEqualTo(3);
  }

  @Test
  void aPipelinedReadFillsTheWindowAsASequentialOne() {
    MonitoredVersion version =
        classifier(
            TensorSpec.tensor(
                "probabilities",
                ElementType.FP32,
                List.of(Dimension.dynamic("n"), Dimension.fixed(2))));
    InMemoryPredictionLogStore log = new InMemoryPredictionLogStore();
    java.util.List<PredictionRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      records.add(
          record(
              i % 7 == 0 ? 1 : 2,
              i % 3_000,
              "{\"input\":[" + i + "," + (i * 0.5) + "]}",
              "{\"probabilities\":[" + (i % 2) + "," + (1 - i % 2) + "]}"));
    }
    log.append(records);
    WindowColumns sequential = new WindowColumns(FEATURES, PredictionKind.LABEL, 3_000);
    WindowColumns pipelined = new WindowColumns(FEATURES, PredictionKind.LABEL, 3_000);
    WindowReader reader = new WindowReader(version, LoggedPredictions.of(version));

    WindowReader.Read one = reader.read(log, T0, T0.plusSeconds(3_600), 4_000, sequential);
    WindowReader.Read two =
        reader.read(
            log, T0, T0.plusSeconds(3_600), 4_000, pipelined, Thread.ofPlatform().factory());

    assertThat(two).isEqualTo(one);
    assertThat(pipelined.rows()).isEqualTo(sequential.rows()).isPositive();
    assertThat(pipelined.feature(0)).isEqualTo(sequential.feature(0));
    assertThat(pipelined.predictedLabels()).isEqualTo(sequential.predictedLabels());
  }
}
