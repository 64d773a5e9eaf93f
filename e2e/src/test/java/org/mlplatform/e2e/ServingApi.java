package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.object;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** Calls the serving tests make: inference requests, deployments, and a model run in-process. */
final class ServingApi {

  private ServingApi() {}

  static void assertError(HttpResponse<String> response, int status, String mention) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(object(response).getString("error")).containsIgnoringCase(mention);
  }

  static String input(float[][] rows) {
    StringBuilder data = new StringBuilder();
    for (float[] row : rows) {
      for (float v : row) {
        data.append(data.isEmpty() ? "" : ",").append(v);
      }
    }
    return "{\"name\":\"input\",\"shape\":[%d,%d],\"datatype\":\"FP32\",\"data\":[%s]}"
        .formatted(rows.length, rows[0].length, data);
  }

  static HttpResponse<String> infer(String token, String path, String body) {
    return infer(token, path, body, null);
  }

  static HttpResponse<String> infer(String token, String path, String body, String routingKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(RunningPlatform.BASE + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (routingKey != null) {
      request.header("X-Routing-Key", routingKey);
    }
    return Http.send(request.build());
  }

  /**
   * Sends a body of {@code size} bytes over a raw socket, its length declared or chunked, and
   * returns the status line. A raw socket because a server that refuses a body early closes the
   * connection while the JDK client is still sending, and the client then reports only its own
   * broken pipe.
   */
  static String inferStream(String token, String path, long size, boolean declared)
      throws Exception {
    return inferStream(RunningPlatform.BASE, token, path, size, declared);
  }

  /** The same to another base, such as the inference port. */
  static String inferStream(String baseUrl, String token, String path, long size, boolean declared)
      throws Exception {
    URI base = URI.create(baseUrl);
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: application/json\r\n"
              + (declared ? "Content-Length: " + size : "Transfer-Encoding: chunked")
              + "\r\n\r\n";
      java.io.OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      Thread writer =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    byte[] spaces = new byte[64 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    try {
                      byte[] prefix =
                          "{\"inputs\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                      if (!declared) {
                        out.write(
                            (Integer.toHexString(prefix.length) + "\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                      }
                      out.write(prefix);
                      if (!declared) {
                        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                      }
                      for (long sent = 0; sent < size; sent += spaces.length) {
                        if (!declared) {
                          out.write(
                              (Integer.toHexString(spaces.length) + "\r\n")
                                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        }
                        out.write(spaces);
                        if (!declared) {
                          out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        }
                      }
                    } catch (java.io.IOException e) {
                      // The server stopped reading: expected once it has answered 413.
                    }
                  });
      java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String status = in.readLine();
      writer.interrupt();
      return status;
    }
  }

  static float[] runInProcess(byte[] onnx, float[][] rows) throws Exception {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor tensor = OnnxTensor.createTensor(environment, rows);
        OrtSession.Result out = session.run(Map.of("input", tensor))) {
      float[][] result = (float[][]) out.get(0).getValue();
      float[] flat = new float[result.length * result[0].length];
      for (int r = 0; r < result.length; r++) {
        System.arraycopy(result[r], 0, flat, r * result[0].length, result[0].length);
      }
      return flat;
    }
  }

  static void setAlias(String token, String model, String alias, int version) {
    HttpResponse<String> set =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/aliases/" + alias,
            token,
            "{\"version\":" + version + "}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  static void deploy(String token, String model, String spec) {
    HttpResponse<String> deployed = Http.json("PUT", "/api/v1/deployments/" + model, token, spec);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(object(deployed).getJsonObject("status").getString("state")).isEqualTo("READY");
  }

  static JsonObject awaitReady(String token, String model) {
    Instant deadline = Instant.now().plusSeconds(30);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      last = Http.get("/api/v1/deployments/" + model, token);
      if (last.statusCode() == 200
          && object(last).getJsonObject("status").getString("state").equals("READY")) {
        return object(last);
      }
      sleep(200);
    }
    throw new AssertionError(
        "deployment " + model + " not ready: " + (last == null ? "" : last.body()));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
