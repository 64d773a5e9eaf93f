package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.serving.inference.OipRequestReaderTest.input;
import static org.mlplatform.serving.inference.TestModels.env;
import static org.mlplatform.serving.inference.TestModels.infer;
import static org.mlplatform.serving.inference.TestModels.read;
import static org.mlplatform.serving.inference.TestModels.session;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.serving.onnx.OnnxModels;

/** The whole codec against real ONNX Runtime sessions of real models. */
class OrtRunnerTest {

  @Test
  void givesTheSameResultAsCallingOnnxRuntimeDirectly() throws Exception {
    float[][] x = {{1, 2, 3, 4}, {-0.5f, 0.25f, 8, 1e-3f}, {0, 0, 0, 0}};
    float[][] direct;
    try (OrtSession session = session(OnnxModels.matMulAdd());
        OnnxTensor tensor = OnnxTensor.createTensor(env(), x);
        OrtSession.Result result = session.run(Map.of("x", tensor))) {
      direct = (float[][]) result.get(0).getValue();
    }

    JsonObject response =
        infer(
            OnnxModels.matMulAdd(),
            """
            {"id": "same", "inputs": [{"name": "x", "datatype": "FP32", "shape": [3, 4],
              "data": [[1, 2, 3, 4], [-0.5, 0.25, 8, 1e-3], [0, 0, 0, 0]]}]}
            """);

    assertThat(response.getString("id")).isEqualTo("same");
    JsonObject y = response.getJsonArray("outputs").getJsonObject(0);
    assertThat(y.getString("name")).isEqualTo("y");
    assertThat(y.getString("datatype")).isEqualTo("FP32");
    assertThat(numbers(y.getJsonArray("shape"))).containsExactly(3.0, 2.0);
    List<Double> expected = new ArrayList<>();
    for (float[] row : direct) {
      for (float value : row) {
        expected.add((double) value);
      }
    }
    List<Double> written = numbers(y.getJsonArray("data"));
    assertThat(written).hasSameSizeAs(expected);
    for (int i = 0; i < written.size(); i++) {
      // The written decimal reads back as exactly the float ONNX Runtime computed.
      assertThat((float) written.get(i).doubleValue()).isEqualTo(expected.get(i).floatValue());
    }
  }

  static Stream<Arguments> feedableDatatypes() {
    return Stream.of(
        Arguments.of(OnnxModels.BOOL, "BOOL", "[[true, false, true], [false, false, true]]"),
        Arguments.of(OnnxModels.UINT8, "UINT8", "[[0, 1, 2], [127, 128, 255]]"),
        Arguments.of(OnnxModels.INT8, "INT8", "[[-128, -1, 0], [1, 100, 127]]"),
        Arguments.of(OnnxModels.INT16, "INT16", "[[-32768, -1, 0], [1, 1000, 32767]]"),
        Arguments.of(OnnxModels.INT32, "INT32", "[[-2147483648, -1, 0], [1, 65536, 2147483647]]"),
        Arguments.of(
            OnnxModels.INT64,
            "INT64",
            "[[-9223372036854775808, -1, 0], [9007199254740993, 42, 9223372036854775807]]"),
        Arguments.of(
            OnnxModels.FLOAT16, "FP16", "[[0.1, -65504, 6e-8], [\"NaN\", \"Infinity\", 1]]"),
        Arguments.of(
            OnnxModels.BFLOAT16, "BF16", "[[0.1, -3e38, 1e-38], [\"-Infinity\", \"NaN\", 7]]"),
        Arguments.of(
            OnnxModels.FLOAT,
            "FP32",
            "[[0.1, -3.4028235e38, 1.4e-45], [\"NaN\", \"Infinity\", \"-Infinity\"]]"),
        Arguments.of(
            OnnxModels.DOUBLE,
            "FP64",
            "[[0.1, -1.7976931348623157e308, 4.9e-324], [\"NaN\", \"-Infinity\", 1e-300]]"),
        Arguments.of(
            OnnxModels.STRING,
            "BYTES",
            "[[\"héllo\", \"\", \"日本\"], [\"\\\"q\\\"\", \"a\\nb\", \"z\"]]"));
  }

  /**
   * Request → ONNX Runtime's Identity → response, and the response's output read back as a request
   * input: the same tensor all the way, in every datatype, non-finite floats included.
   */
  @ParameterizedTest(name = "{1}")
  @MethodSource("feedableDatatypes")
  void roundTripsEveryDatatypeThroughAModel(int onnxType, String datatype, String data)
      throws Exception {
    byte[] model = OnnxModels.identity(onnxType);
    InputTensor sent = read(input("x", datatype, "[2, 3]", data)).inputs().getFirst();

    JsonObject response = infer(model, input("x", datatype, "[2, 3]", data));

    JsonObject output = response.getJsonArray("outputs").getJsonObject(0);
    assertThat(output.getString("datatype")).isEqualTo(datatype);
    InputTensor returned = readBack(output);
    assertThat(returned.data()).isEqualTo(sent.data());
    assertThat(returned.shape()).containsExactly(2, 3);
  }

  static Stream<Arguments> unsignedOutputs() {
    return Stream.of(
        Arguments.of(OnnxModels.UINT16, "UINT16", "65535", "65535"),
        Arguments.of(OnnxModels.UINT32, "UINT32", "4294967295", "4294967295"),
        // All 64 bits set: INT64 -1 casts to 2^64 - 1.
        Arguments.of(OnnxModels.UINT64, "UINT64", "-1", "18446744073709551615"));
  }

  /** Unsigned outputs of a Cast from INT64, including each type's largest value. */
  @ParameterizedTest(name = "{1}")
  @MethodSource("unsignedOutputs")
  void returnsUnsignedOutputs(int onnxType, String datatype, String top, String topWritten)
      throws Exception {
    String data = "[[0, 1, 300], [" + top + ", 2, 3]]";

    JsonObject output =
        infer(OnnxModels.castFromInt64(onnxType), input("x", "INT64", "[2, 3]", data))
            .getJsonArray("outputs")
            .getJsonObject(0);

    assertThat(output.getString("datatype")).isEqualTo(datatype);
    assertThat(output.getJsonArray("data").getValuesAs(JsonNumber.class))
        .map(JsonNumber::toString)
        .containsExactly("0", "1", "300", topWritten, "2", "3");
    assertThat(readBack(output).data().type()).isEqualTo(ElementType.valueOf(datatype));
  }

  @Test
  void rendersZipMapsSequenceOfMapsAsJsonObjects() throws Exception {
    JsonObject response =
        infer(
            OnnxModels.zipMap(), input("scores", "FP32", "[2, 2]", "[[0.25, 0.75], [1, \"NaN\"]]"));

    JsonObject probabilities = response.getJsonArray("outputs").getJsonObject(0);
    assertThat(probabilities.getString("name")).isEqualTo("probabilities");
    assertThat(probabilities.getString("datatype")).isEqualTo("BYTES");
    assertThat(numbers(probabilities.getJsonArray("shape"))).containsExactly(2.0);
    assertThat(probabilities.getJsonObject("parameters").getString("content_type"))
        .isEqualTo("json");
    JsonArray maps = probabilities.getJsonArray("data");
    assertThat(maps.getJsonObject(0).keySet()).containsExactly("0", "1");
    assertThat(maps.getJsonObject(0).getJsonNumber("1").doubleValue()).isEqualTo(0.75);
    assertThat(maps.getJsonObject(1).getString("1")).isEqualTo("NaN");
  }

  @Test
  void copiesASequenceOfTensorsAsObjects() throws Exception {
    try (OrtSession session = session(OnnxModels.splitToSequence())) {
      List<OutputTensor> outputs =
          OrtRunner.run(
              env(),
              session,
              read(input("x", "FP32", "[2, 2]", "[[1, 2], [3, 4]]")).inputs(),
              Set.of());

      OutputTensor.Structured parts = (OutputTensor.Structured) outputs.getFirst();
      assertThat(parts.items())
          .containsExactly(
              Map.of("datatype", "FP32", "shape", List.of(1L, 2L), "data", List.of(1f, 2f)),
              Map.of("datatype", "FP32", "shape", List.of(1L, 2L), "data", List.of(3f, 4f)));
    }
  }

  @Test
  void runsAThirdPartyTextModelOnABatchOfTwo() throws Exception {
    byte[] model = TestModels.sentenceEmbedder();
    long[][] tokens = {{101, 7592, 2088, 102, 0}, {101, 2204, 2851, 999, 102}};
    long[][] mask = {{1, 1, 1, 1, 0}, {1, 1, 1, 1, 1}};
    long[][] types = new long[2][5];
    InferenceRequest request =
        read(
            "{\"inputs\": ["
                + OipRequestReaderTest.inputObject("input_ids", "INT64", "[2, 5]", json(tokens))
                + ", "
                + OipRequestReaderTest.inputObject("attention_mask", "INT64", "[2, 5]", json(mask))
                + ", "
                + OipRequestReaderTest.inputObject("token_type_ids", "INT64", "[2, 5]", json(types))
                + "], \"outputs\": [{\"name\": \"last_hidden_state\"}]}");
    SignatureBinding.check(TestModels.signature(model), request);

    try (OrtSession session = session(model);
        OnnxTensor ids = OnnxTensor.createTensor(env(), tokens);
        OnnxTensor attention = OnnxTensor.createTensor(env(), mask);
        OnnxTensor typeIds = OnnxTensor.createTensor(env(), types);
        OrtSession.Result direct =
            session.run(
                Map.of("input_ids", ids, "attention_mask", attention, "token_type_ids", typeIds),
                Set.of("last_hidden_state"))) {
      List<OutputTensor> outputs =
          OrtRunner.run(env(), session, request.inputs(), Set.of("last_hidden_state"));

      OutputTensor.Tensor hidden = (OutputTensor.Tensor) outputs.getFirst();
      assertThat(outputs).hasSize(1);
      assertThat(hidden.name()).isEqualTo("last_hidden_state");
      assertThat(hidden.datatype()).isEqualTo(ElementType.FP32);
      assertThat(hidden.shape()).containsExactly(2, 5, 384);
      float[] expected = ((OnnxTensor) direct.get(0)).getFloatBuffer().array();
      assertThat(hidden.data().toFloatArray()).containsExactly(expected);
    }
  }

  private static String json(long[][] rows) {
    StringBuilder json = new StringBuilder("[");
    for (long[] row : rows) {
      json.append(json.length() > 1 ? ", " : "").append(java.util.Arrays.toString(row));
    }
    return json.append(']').toString();
  }

  @Test
  void returnsOnlyTheRequestedOutputsInTheModelsOrder() throws Exception {
    try (OrtSession session = session(OnnxModels.matMulAdd())) {
      List<InputTensor> inputs = read(input("x", "FP32", "[1, 4]", "[1, 2, 3, 4]")).inputs();

      assertThat(OrtRunner.run(env(), session, inputs, Set.of("y")))
          .singleElement()
          .satisfies(y -> assertThat(((OutputTensor.Tensor) y).row(0)).containsExactly(6, 7));
      assertThatThrownBy(() -> OrtRunner.run(env(), session, inputs, Set.of("nope")))
          .isInstanceOf(InferenceException.class)
          .hasMessage("unknown output 'nope'; the model's outputs are [y]");
    }
  }

  @Test
  void refusesUnsignedInputsItCannotCreate() throws Exception {
    InputTensor unsigned =
        new InputTensor(
            "x",
            ElementType.UINT32,
            new long[] {1, 3},
            TensorData.ofLongs(ElementType.UINT32, new long[] {1, 2, 3}));
    try (OrtSession session = session(OnnxModels.identity(OnnxModels.UINT32))) {
      assertThatThrownBy(() -> OrtRunner.run(env(), session, List.of(unsigned), Set.of()))
          .isInstanceOf(InferenceException.class)
          .hasMessageContaining("input 'x' is UINT32");
    }
  }

  @Test
  void runsAModelOnABatchBuiltFromSeparateRequests() throws Exception {
    InputTensor first = read(input("x", "FP32", "[1, 4]", "[1, 2, 3, 4]")).inputs().getFirst();
    InputTensor second =
        read(input("x", "FP32", "[2, 4]", "[0, 0, 0, 0, 2, 2, 2, 2]")).inputs().getFirst();
    try (OrtSession session = session(OnnxModels.matMulAdd())) {
      OutputTensor.Tensor y =
          (OutputTensor.Tensor)
              OrtRunner.run(
                      env(),
                      session,
                      List.of(InputTensor.concatBatches(List.of(first, second))),
                      Set.of())
                  .getFirst();

      assertThat(y.slice(0, 1).row(0)).containsExactly(6, 7);
      assertThat(y.slice(1, 3).row(0)).containsExactly(1, 2);
      assertThat(y.slice(1, 3).row(1)).containsExactly(5, 6);
    }
  }

  /** An output object of a response, read as the input object of a new request. */
  private static InputTensor readBack(JsonObject output) {
    JsonObject request =
        Json.createObjectBuilder().add("inputs", Json.createArrayBuilder().add(output)).build();
    return read(request.toString()).inputs().getFirst();
  }

  private static List<Double> numbers(JsonArray array) {
    return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
  }
}
