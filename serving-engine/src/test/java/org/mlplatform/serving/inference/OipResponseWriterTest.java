package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.serving.inference.TestModels.parse;
import static org.mlplatform.serving.inference.TestModels.respond;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.serving.onnx.OnnxModels;

class OipResponseWriterTest {

  @Test
  void writesTheInferResponseOfTheProtocol() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputTensor.Tensor y =
        new OutputTensor.Tensor(
            "y", ElementType.FP32, new long[] {1, 2}, TensorData.ofFloats(new float[] {0.1f, 7}));

    OipResponseWriter.writeInferResponse(out, "iris", "3", "req-9", List.of(y));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"model_name\":\"iris\",\"model_version\":\"3\",\"id\":\"req-9\",\"outputs\":"
                + "[{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[0.1,7.0]}]}");
  }

  @Test
  void leavesTheIdOutWhenTheRequestHadNone() throws IOException {
    JsonObject response = respond(null, List.of());

    assertThat(response.keySet()).containsExactly("model_name", "model_version", "outputs");
  }

  @Test
  void writesNonFiniteFloatsAsTheStringsTheReaderAccepts() throws IOException {
    OutputTensor.Tensor floats =
        new OutputTensor.Tensor(
            "f",
            ElementType.FP32,
            new long[] {3},
            TensorData.ofFloats(
                new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}));
    OutputTensor.Tensor doubles =
        new OutputTensor.Tensor(
            "d",
            ElementType.FP64,
            new long[] {2},
            TensorData.ofDoubles(new double[] {Double.NaN, 1}));

    JsonObject response = respond("n", List.of(floats, doubles));

    assertThat(response.getJsonArray("outputs").getJsonObject(0).getJsonArray("data").toString())
        .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\"]");
    assertThat(response.getJsonArray("outputs").getJsonObject(1).getJsonArray("data").toString())
        .isEqualTo("[\"NaN\",1.0]");
  }

  @Test
  void writesStructuredOutputsAsJsonValuesInABytesTensor() throws IOException {
    OutputTensor.Structured maps =
        new OutputTensor.Structured(
            "probabilities", List.of(Map.of("0", 0.25f), Map.of("0", Float.NaN)));

    JsonObject output = respond(null, List.of(maps)).getJsonArray("outputs").getJsonObject(0);

    assertThat(output.toString())
        .isEqualTo(
            "{\"name\":\"probabilities\",\"datatype\":\"BYTES\",\"shape\":[2],"
                + "\"parameters\":{\"content_type\":\"json\"},"
                + "\"data\":[{\"0\":0.25},{\"0\":\"NaN\"}]}");
  }

  @Test
  void writesModelMetadataWithDynamicAxesAsMinusOne() throws IOException {
    ModelSignature signature = TestModels.signature(OnnxModels.zipMap());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    OipResponseWriter.writeModelMetadata(out, "churn", List.of("1", "2"), signature);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\":\"churn\",\"versions\":[\"1\",\"2\"],\"platform\":\"onnxruntime\","
                + "\"inputs\":[{\"name\":\"scores\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],"
                + "\"outputs\":[{\"name\":\"probabilities\",\"datatype\":\"BYTES\",\"shape\":[-1],"
                + "\"parameters\":{\"content_type\":\"json\"}}]}");
  }

  @Test
  void writesAnErrorBody() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    OipResponseWriter.writeError(out, "input 'x' expects FP32, got \"FP64\"");

    assertThat(parse(out.toByteArray()).getString("error"))
        .isEqualTo("input 'x' expects FP32, got \"FP64\"");
  }

  @Test
  void flushesButLeavesTheStreamOpen(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("response.json");
    try (var out = Files.newOutputStream(file)) {
      OipResponseWriter.writeError(out, "first");
      // Still open: a second write to the same stream succeeds.
      out.write('\n');
      OipResponseWriter.writeError(out, "second");
    }

    assertThat(Files.readAllLines(file))
        .containsExactly("{\"error\":\"first\"}", "{\"error\":\"second\"}");
  }

  @Test
  void writesUnsignedSixtyFourBitValuesInFull() throws IOException {
    OutputTensor.Tensor big =
        new OutputTensor.Tensor(
            "u",
            ElementType.UINT64,
            new long[] {2},
            TensorData.ofLongs(ElementType.UINT64, new long[] {-1, 3}));

    JsonObject output = respond(null, List.of(big)).getJsonArray("outputs").getJsonObject(0);

    assertThat(output.getJsonArray("data").toString()).isEqualTo("[18446744073709551615,3]");
  }
}
