package org.mlplatform.serving.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.onnx.InvalidModelException;
import org.mlplatform.serving.onnx.OnnxInspector;

/** Real ONNX Runtime, real models and the codec's round trip, shared by this package's tests. */
final class TestModels {

  static final OnnxRuntimeHost RUNTIME = OnnxRuntimeHost.start();

  // Loads on the calling thread: tests need no time limit.
  private static final OnnxInspector INSPECTOR = new OnnxInspector(RUNTIME, Runnable::run);

  private TestModels() {}

  static OrtEnvironment env() {
    return RUNTIME.environment();
  }

  static OrtSession session(byte[] model) throws OrtException {
    return env().createSession(model);
  }

  /** The signature as the platform reads it when a version is registered. */
  static ModelSignature signature(byte[] model) {
    try {
      return INSPECTOR.inspect(model);
    } catch (InvalidModelException e) {
      throw new IllegalStateException(e);
    }
  }

  /** all-MiniLM-L6-v2, quantized, unpacked by the build (see serving-engine/pom.xml). */
  static byte[] sentenceEmbedder() {
    String directory = System.getProperty("mlp.test.third-party-models");
    if (directory == null) {
      throw new IllegalStateException("run the tests through Maven, which unpacks the models");
    }
    try {
      return Files.readAllBytes(Path.of(directory, "all-minilm-l6-v2-q.onnx"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InferenceRequest read(String json) {
    return read(json, ReadLimits.defaults());
  }

  static InferenceRequest read(String json, ReadLimits limits) {
    return new OipRequestReader(limits)
        .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Body → reader → signature check → ONNX Runtime → writer → parsed response. */
  static JsonObject infer(byte[] model, String requestJson) throws Exception {
    ModelSignature signature = signature(model);
    InferenceRequest request = read(requestJson);
    SignatureBinding.check(signature, request);
    try (OrtSession session = session(model)) {
      List<OutputTensor> outputs =
          OrtRunner.run(env(), session, request.inputs(), Set.copyOf(request.requestedOutputs()));
      return respond(request.id(), outputs);
    }
  }

  static JsonObject respond(String id, List<OutputTensor> outputs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OipResponseWriter.writeInferResponse(out, "model", "1", id, outputs);
    return parse(out.toByteArray());
  }

  static JsonObject parse(byte[] json) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      return reader.readObject();
    }
  }
}
