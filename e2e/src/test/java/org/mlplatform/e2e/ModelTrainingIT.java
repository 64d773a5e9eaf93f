package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.download;
import static org.mlplatform.e2e.ModelApi.floats;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ModelApi.sha256;
import static org.mlplatform.e2e.ModelApi.strings;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training inside the platform end to end: a training set built from the feature store, a logistic
 * regression trained on it as a job, and the registered file, downloaded, predicting as Tribuo did;
 * the same file uploads as a version of its own with the same signature.
 */
@ExtendWith(RunningPlatform.class)
class ModelTrainingIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String VIEW = "mt_stats_" + RUN;

  private static String alice;
  private static String trainingSetId;

  /** 300 customers with two features; the label follows them (logistic, with a little noise). */
  @BeforeAll
  static void buildATrainingSet() throws InterruptedException {
    alice = Http.accessToken("alice");
    trainingSetId =
        SyntheticCustomers.trainingSet("mr_customer", "mr_id", VIEW, 300, 300, 5, false, alice);
  }

  @Test
  void trainingOnAFeatureStoreTrainingSetRegistersAVersionThatPredictsAsTribuo() throws Exception {
    String model = "mt_fraud_" + RUN;
    createModel(model, alice);

    HttpResponse<String> accepted =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/train",
            alice,
            "{\"trainingSetId\":\""
                + trainingSetId
                + "\",\"label\":\"label\",\"algorithm\":\"logistic-regression\","
                + "\"hyperparameters\":{\"epochs\":\"20\"}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonObject job = awaitJob(object(accepted).getString("jobId"), alice);
    JsonObject result = job.getJsonObject("result");
    assertThat(result.getInt("version")).isEqualTo(1);

    JsonObject version = object(Http.get("/api/v1/models/" + model + "/versions/1", alice));
    JsonObject lineage = version.getJsonObject("lineage");
    assertThat(lineage.getString("source")).isEqualTo("TRAINED");
    assertThat(lineage.getString("trainingSetId")).isEqualTo(trainingSetId);
    assertThat(lineage.getString("algorithm")).isEqualTo("logistic-regression");
    assertThat(strings(lineage.getJsonArray("features")))
        .containsExactly(VIEW + "__x1", VIEW + "__x2");
    assertThat(strings(lineage.getJsonArray("labels"))).containsExactlyInAnyOrder("fraud", "ok");
    assertThat(version.getJsonObject("metrics").getJsonNumber("accuracy").doubleValue())
        .isGreaterThan(0.8);
    assertThat(
            version
                .getJsonObject("signature")
                .getJsonArray("inputs")
                .getJsonObject(0)
                .getString("datatype"))
        .isEqualTo("FP32");

    byte[] onnx = download("/api/v1/models/" + model + "/versions/1/artifact", alice);
    assertThat(sha256(onnx)).isEqualTo(version.getString("sha256"));
    JsonArray reference = (JsonArray) Http.json(result.getString("referencePredictions"));
    assertThat(reference).isNotEmpty();
    try (OrtSession session =
        OrtEnvironment.getEnvironment().createSession(onnx, new OrtSession.SessionOptions())) {
      for (JsonValue row : reference) {
        float[] inputs = floats(row.asJsonObject().getJsonArray("inputs"));
        float[] expected = floats(row.asJsonObject().getJsonArray("outputs"));
        try (OnnxTensor tensor =
                OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), new float[][] {inputs});
            OrtSession.Result out = session.run(Map.of("input", tensor))) {
          float[] actual = ((float[][]) out.get(0).getValue())[0];
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
          }
        }
      }
    }

    // The downloaded Tribuo model uploads as a version of its own, with the same signature.
    String copy = "mt_fraud_copy_" + RUN;
    createModel(copy, alice);
    HttpResponse<String> uploaded =
        ModelApi.upload(
            copy,
            onnx,
            "{\"trainingSetId\":\""
                + trainingSetId
                + "\",\"features\":"
                + lineage.getJsonArray("features")
                + ",\"labels\":"
                + lineage.getJsonArray("labels")
                + "}",
            alice);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(object(uploaded).getJsonObject("signature"))
        .isEqualTo(version.getJsonObject("signature"));

    JsonObject chain = object(Http.get("/api/v1/models/" + model + "/versions/1/lineage", alice));
    assertThat(chain.getJsonArray("versions")).hasSize(1);
    JsonObject set = object(Http.get("/api/v1/training-sets/" + trainingSetId, alice));
    assertThat(set.toString()).contains(VIEW);
  }
}
