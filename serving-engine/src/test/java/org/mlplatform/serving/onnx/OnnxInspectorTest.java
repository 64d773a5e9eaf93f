package org.mlplatform.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.serving.OnnxRuntimeHost;

class OnnxInspectorTest {

  private static final OnnxRuntimeHost RUNTIME = OnnxRuntimeHost.start();
  private static ExecutorService loader;
  private static OnnxInspector inspector;

  @BeforeAll
  static void startLoader() {
    loader = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("model-check-", 0).factory());
    inspector = new OnnxInspector(RUNTIME, loader);
  }

  @AfterAll
  static void stopLoader() {
    loader.shutdownNow();
  }

  @Test
  void readsTheSignatureOfAModelWrittenByHandAndOnnxRuntimeRunsIt() throws Exception {
    byte[] model = OnnxModels.matMulAdd();

    ModelSignature signature = inspector.inspect(model);

    assertThat(signature.inputs())
        .containsExactly(
            TensorSpec.tensor(
                "x", ElementType.FP32, List.of(Dimension.dynamic("batch"), Dimension.fixed(4))));
    assertThat(signature.outputs())
        .containsExactly(
            TensorSpec.tensor(
                "y", ElementType.FP32, List.of(Dimension.dynamic("batch"), Dimension.fixed(2))));
    assertThat(signature.opset()).isEqualTo(17);
    assertThat(signature.producerName()).isEqualTo("test-writer");
    assertThat(signature.producerVersion()).isEqualTo("1.0");
    // x = (1, 2, 3, 4), W all 0.5, b = (1, 2): y = (5 + 1, 5 + 2).
    assertThat(run(model, new float[][] {{1, 2, 3, 4}})).containsExactly(6f, 7f);
  }

  @Test
  void describesASequenceOfMapsAsOnnxWritesIt() throws Exception {
    ModelSignature signature = inspector.inspect(OnnxModels.zipMap());

    assertThat(signature.input("scores").orElseThrow().shape())
        .containsExactly(Dimension.dynamic("N"), Dimension.fixed(2));
    TensorSpec probabilities = signature.output("probabilities").orElseThrow();
    assertThat(probabilities.kind()).isEqualTo(ValueKind.SEQUENCE);
    assertThat(probabilities.elementType()).isEqualTo(ElementType.FP32);
    assertThat(probabilities.detail()).isEqualTo("sequence(map(int64,tensor(float)))");
    assertThat(probabilities.shape()).isEmpty();
  }

  @Test
  void readsAThirdPartyCnnWithDynamicImageAxes() throws Exception {
    ModelSignature signature = inspector.inspect(ThirdPartyModels.TEXT_DIRECTION_CNN.bytes());

    assertThat(signature.inputs())
        .containsExactly(
            TensorSpec.tensor(
                "x",
                ElementType.FP32,
                // paddle2onnx wrote the batch axis as size -1 and named height and width "?".
                List.of(
                    Dimension.dynamic(""),
                    Dimension.fixed(3),
                    Dimension.dynamic("?"),
                    Dimension.dynamic("?"))));
    assertThat(signature.outputs())
        .singleElement()
        .satisfies(
            output -> {
              assertThat(output.elementType()).isEqualTo(ElementType.FP32);
              assertThat(output.sizes()).containsExactly(Dimension.DYNAMIC, 2L);
            });
    assertThat(signature.opset()).isEqualTo(11);
    assertThat(signature.producerName()).isEqualTo("PaddlePaddle");
  }

  @Test
  void readsASecondThirdPartyCnnWhoseOutputIsAnImage() throws Exception {
    ModelSignature signature = inspector.inspect(ThirdPartyModels.TEXT_DETECTION_CNN.bytes());

    assertThat(signature.input("x").orElseThrow().sizes()).containsExactly(-1L, 3L, -1L, -1L);
    assertThat(signature.outputs().getFirst().sizes()).containsExactly(-1L, 1L, -1L, -1L);
    assertThat(signature.opset()).isEqualTo(12);
  }

  @Test
  void readsAThirdPartyTextModelWithNamedDynamicAxes() throws Exception {
    ModelSignature signature = inspector.inspect(ThirdPartyModels.SENTENCE_EMBEDDER.bytes());

    List<Dimension> tokens =
        List.of(Dimension.dynamic("batch_size"), Dimension.dynamic("sequence_length"));
    assertThat(signature.inputs())
        .containsExactly(
            TensorSpec.tensor("input_ids", ElementType.INT64, tokens),
            TensorSpec.tensor("attention_mask", ElementType.INT64, tokens),
            TensorSpec.tensor("token_type_ids", ElementType.INT64, tokens));
    assertThat(signature.output("last_hidden_state").orElseThrow().shape())
        .containsExactly(
            Dimension.dynamic("batch_size"),
            Dimension.dynamic("sequence_length"),
            Dimension.fixed(384));
    assertThat(signature.opset()).isEqualTo(11);
    assertThat(signature.producerName()).isEqualTo("onnx.quantize");
    assertThat(signature.producerVersion()).isEqualTo("0.1.0");
  }

  @Test
  void loadsOnTheExecutorNeverOnTheCallersThread() throws Exception {
    AtomicReference<String> loadingThread = new AtomicReference<>();
    OnnxInspector recording =
        new OnnxInspector(
            RUNTIME,
            task ->
                loader.execute(
                    () -> {
                      loadingThread.set(Thread.currentThread().getName());
                      task.run();
                    }));

    recording.inspect(OnnxModels.matMulAdd());

    assertThat(loadingThread.get()).startsWith("model-check-");
    assertThat(recording.openSessions()).isZero();
  }

  @Test
  void readsAnUploadUpToTheLimitOnly() throws Exception {
    OnnxInspector small = new OnnxInspector(RUNTIME, loader, limits(100));

    assertThat(small.readUpload(new ByteArrayInputStream(new byte[100]))).hasSize(100);
    assertThatThrownBy(() -> small.readUpload(new ByteArrayInputStream(new byte[101])))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidModelException.Reason.TOO_LARGE));
  }

  static InspectionLimits limits(long maxBytes) {
    return new InspectionLimits(maxBytes, InspectionLimits.DEFAULT_LOAD_TIMEOUT);
  }

  private static float[] run(byte[] model, float[][] input) throws Exception {
    OrtEnvironment environment = RUNTIME.environment();
    try (OrtSession session = environment.createSession(model);
        OnnxTensor x = OnnxTensor.createTensor(environment, input);
        OrtSession.Result result = session.run(Map.of("x", x))) {
      return ((float[][]) result.get(0).getValue())[0];
    }
  }
}
