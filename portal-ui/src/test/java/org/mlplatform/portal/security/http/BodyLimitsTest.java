package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mlplatform.portal.security.http.FilterFixture.ALLOWED_ORIGIN;
import static org.mlplatform.portal.security.http.FilterFixture.DEPTH;
import static org.mlplatform.portal.security.http.FilterFixture.run;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.portal.security.http.FilterFixture.Downstream;

/**
 * API body limits with a downstream that reads and parses the body as the API does: size (declared
 * and chunked), nesting, truncation, and the uploads that keep their own limits.
 */
class BodyLimitsTest {

  /** Reads the whole body with a streaming JSON parser and, like the API, answers 400 on error. */
  private final FilterChain parsingApi =
      (request, response) -> {
        try (InputStream body = request.getInputStream();
            JsonParser json = Json.createParser(body)) {
          while (json.hasNext()) {
            json.next();
          }
          ((HttpServletResponse) response).setStatus(201);
        } catch (JsonException e) {
          HttpServletResponse http = (HttpServletResponse) response;
          http.setStatus(400);
          http.setContentType("application/json");
          http.getWriter().write("{\"error\":\"malformed JSON body\"}");
          http.flushBuffer(); // as JAX-RS commits its answer
        }
      };

  private FakeExchange post(String path, String contentType, byte[] body) {
    return FakeExchange.request("POST", path)
        .header("Origin", ALLOWED_ORIGIN)
        .body(contentType, body);
  }

  private byte[] jsonString(int totalBytes) {
    String prefix = "{\"description\":\"";
    String suffix = "\"}";
    return (prefix + "a".repeat(totalBytes - prefix.length() - suffix.length()) + suffix)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeAnythingIsRead() throws Exception {
    FakeExchange call = post("/api/v1/entities", "application/json", jsonString(1_001));

    Downstream downstream = run(call);

    assertThat(downstream.ran()).isFalse();
    assertThat(call.status()).isEqualTo(413);
    assertThat(call.json().getString("error"))
        .contains("limit of 1000 bytes")
        .contains("mlp.api.max-body-bytes");
    assertThat(call.header("Connection")).isEqualTo("close");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413NotTheParsersAnswer() throws Exception {
    FakeExchange call = post("/api/v1/entities", "application/json", jsonString(5_000)).chunked();

    run(call, parsingApi);

    assertThat(call.status()).isEqualTo(413);
    assertThat(call.json().getString("error")).contains("limit of 1000 bytes");
    assertThat(call.body()).doesNotContain("malformed");
    assertThat(call.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
  }

  @Test
  void aBodyAtTheLimitPasses() throws Exception {
    FakeExchange call = post("/api/v1/entities", "application/json", jsonString(1_000)).chunked();

    run(call, parsingApi);

    assertThat(call.status()).isEqualTo(201);
  }

  @Test
  void deepNestingIs400BeforeTheParserRecurses() throws Exception {
    byte[] deep = ("{\"entities\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    FakeExchange call =
        FakeExchange.request("POST", "/api/v1/models/churn/predict")
            .body("application/json", deep)
            .chunked();

    run(call, parsingApi);

    assertThat(call.status())
        .as("the nesting breaks its limit before the size does")
        .isEqualTo(400);
    assertThat(call.json().getString("error"))
        .contains("deeper than 8 levels")
        .contains("mlp.api.max-json-depth");
  }

  @Test
  void bracketsInsideStringsAreNotNesting() throws Exception {
    byte[] text =
        ("{\"description\":\"" + "[{".repeat(50) + "\\\"]\"}").getBytes(StandardCharsets.UTF_8);
    FakeExchange call = post("/api/v1/entities", "application/json", text);

    run(call, parsingApi);

    assertThat(call.status()).isEqualTo(201);
  }

  @Test
  void aBodyThatEndsInsideAValueIs400InsteadOfASpinningSkip() {
    byte[] truncated = "{\"unknown\":[[1, 2".getBytes(StandardCharsets.UTF_8);
    FakeExchange call = post("/api/v1/models/churn/predict", "application/json", truncated);
    FilterChain skippingApi =
        (request, response) -> {
          try (JsonParser json = Json.createParser(request.getInputStream())) {
            json.next();
            json.next();
            json.next();
            json.skipArray(); // spins forever on a truncated body unless the read fails
          } catch (JsonException e) {
            ((HttpServletResponse) response).setStatus(400);
          }
        };

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(call, skippingApi));

    assertThat(call.status()).isEqualTo(400);
    assertThat(call.json().getString("error")).contains("ends inside");
    assertThat(call.json().getString("field")).isEqualTo("body");
    assertThat(call.header("Connection")).isEqualTo("close");
  }

  @Test
  void nestingUpToTheLimitPasses() throws Exception {
    String eight = "[".repeat(DEPTH) + "]".repeat(DEPTH);
    FakeExchange call =
        post("/api/v1/entities", "application/json", eight.getBytes(StandardCharsets.UTF_8));

    run(call, parsingApi);

    assertThat(call.status()).isEqualTo(201);
  }

  @Test
  void aRefusalTheDownstreamLetsEscapeIsStillTheRefusal() throws Exception {
    FakeExchange call = post("/api/v1/entities", "application/json", jsonString(5_000)).chunked();

    run(
        call,
        (request, response) -> {
          request.getInputStream().readAllBytes();
        });

    assertThat(call.status()).isEqualTo(413);
  }

  @Test
  void otherDownstreamFailuresAreNotMistakenForRefusals() {
    FakeExchange call = post("/api/v1/entities", "application/json", jsonString(100));

    assertThatThrownBy(
            () ->
                run(
                    call,
                    (request, response) -> {
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/models/churn/versions|multipart/form-data; boundary=x",
        "/api/v1/feature-views/txn/rows|text/csv",
        "/api/v1/feature-views/txn/rows|application/json",
        "/api/v1/batch-predictions|text/csv",
        "/api/v1/training-sets|text/csv; charset=utf-8"
      })
  void uploadsKeepTheirOwnLimits(String route) throws Exception {
    String[] parts = route.split("\\|");
    FakeExchange upload =
        FakeExchange.request("POST", parts[0]).body(parts[1], new byte[5_000]).chunked();

    Downstream downstream = run(upload);

    assertThat(downstream.ran()).isTrue();
    assertThat(downstream.request.getInputStream().readAllBytes()).hasSize(5_000);
  }

  @Test
  void aJsonBodyToAnUploadPathThatTakesCsvOnlyIsLimited() throws Exception {
    FakeExchange call = post("/api/v1/batch-predictions", "application/json", jsonString(2_000));

    assertThat(run(call).ran()).isFalse();
    assertThat(call.status()).isEqualTo(413);
  }

  @Test
  void inferenceBodiesKeepTheirOwnLimit() throws Exception {
    FakeExchange infer =
        FakeExchange.request("POST", "/v2/models/churn/infer")
            .body("application/json", jsonString(5_000));

    assertThat(run(infer).ran()).isTrue();
  }
}
