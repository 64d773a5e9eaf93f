package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * HTTP hardening on the running platform: security headers and the session cookie's flags, the Host
 * allow-list, CORS for the origin {@link RunningPlatform} allows, and hostile bodies (too large,
 * declared or chunked; too deeply nested; cut off) answered without a 500 and without leaving
 * anything stored.
 */
@ExtendWith(RunningPlatform.class)
class HttpHardeningIT {

  /** The default {@code MLP_API_MAX_BODY_BYTES}. */
  private static final int BODY_LIMIT = 8 << 20;

  @Test
  void aPortalAnswerCarriesThePortalPolicyAndAStrictSessionCookie() {
    HttpResponse<String> login = Http.get("/models", null); // a redirect to the login page

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("frame-ancestors 'none'")
                    .contains("default-src 'self'")
                    .contains("'unsafe-eval'")
                    .contains("object-src 'none'"));
    assertCommonHeaders(login);
    String sessionCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
    assertThat(sessionCookie.toLowerCase(Locale.ROOT))
        .contains("httponly")
        .contains("samesite=lax")
        .as("plain HTTP: not Secure")
        .doesNotContain("secure");
  }

  @Test
  void anApiAnswerCarriesTheApiPolicy() {
    HttpResponse<String> me = Http.get("/api/v1/me", Http.accessToken("victor"));

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'none'; frame-ancestors 'none'");
    assertCommonHeaders(me);
  }

  private static void assertCommonHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .as("only over HTTPS")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me", "/models", "/v2/health/ready"})
  void aForeignHostIsMisdirected(String path) {
    RawResponse response =
        RawResponse.exchange("GET " + path + " HTTP/1.1\r\nHost: evil.example:8080\r\n", null);

    assertThat(response.status()).isEqualTo(421);
    assertThat(((JsonObject) Http.json(response.body())).getString("error"))
        .contains("'evil.example:8080'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void theLocalHostsStillReachTheApi(String host) {
    RawResponse response =
        RawResponse.exchange(
            "GET /api/v1/me HTTP/1.1\r\nHost: " + host + ":" + RunningPlatform.PORT + "\r\n", null);

    assertThat(response.status()).as("the bearer-token check, past the host check").isEqualTo(401);
  }

  @Test
  void healthAnswersWhateverTheHost() {
    RawResponse response =
        RawResponse.exchange("GET /health/ready HTTP/1.1\r\nHost: 10.9.8.7:8080\r\n", null);

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aPreflightFromTheAllowedOriginIsAnsweredWithoutAToken() {
    HttpResponse<String> preflight = preflight(RunningPlatform.CORS_ORIGIN);

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(RunningPlatform.CORS_ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(m -> assertThat(m).contains("POST"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(
            h -> assertThat(h).contains("Authorization", "Content-Type", "X-Request-Id"));
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
    assertThat(String.join(",", preflight.headers().allValues("Vary"))).contains("Origin");
  }

  @Test
  void aPreflightFromAnotherOriginIsRefused() {
    HttpResponse<String> preflight = preflight("http://evil.example");

    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(((JsonObject) Http.json(preflight.body())).getString("error"))
        .contains("'http://evil.example'");
  }

  private static HttpResponse<String> preflight(String origin) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(RunningPlatform.BASE + "/api/v1/models"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  @Test
  void onlyTheAllowedOriginMayReadAnswers() {
    String token = Http.accessToken("victor");

    HttpResponse<String> allowed = getFrom(RunningPlatform.CORS_ORIGIN, token);
    HttpResponse<String> other = getFrom("http://evil.example", token);

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(RunningPlatform.CORS_ORIGIN);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static HttpResponse<String> getFrom(String origin, String token) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(RunningPlatform.BASE + "/api/v1/me"))
            .header("Origin", origin)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413AndStoresNothing() {
    String token = Http.accessToken("alice");
    byte[] body = entity("hardening_declared", BODY_LIMIT + 1);

    RawResponse response =
        RawResponse.exchange(
            "POST /api/v1/entities HTTP/1.1\r\n"
                + localHost()
                + "Authorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n",
            out -> out.write(body));

    assertTooLarge(response);
    assertThat(Http.get("/api/v1/entities/hardening_declared", token).statusCode()).isEqualTo(404);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndStoresNothing() {
    String token = Http.accessToken("alice");
    byte[] body = entity("hardening_chunked", BODY_LIMIT + (64 << 10));

    RawResponse response =
        RawResponse.exchange(
            "POST /api/v1/entities HTTP/1.1\r\n"
                + localHost()
                + "Authorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
            out -> writeChunked(out, body));

    assertTooLarge(response);
    assertThat(Http.get("/api/v1/entities/hardening_chunked", token).statusCode()).isEqualTo(404);
  }

  private static void assertTooLarge(RawResponse response) {
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(((JsonObject) Http.json(response.body())).getString("error"))
        .contains("limit of " + BODY_LIMIT + " bytes");
  }

  /** A valid entity definition padded to the given size by its description. */
  private static byte[] entity(String name, int size) {
    String head =
        "{\"name\":\""
            + name
            + "\",\"joinKeys\":[{\"name\":\"id\",\"type\":\"INT64\"}],\"description\":\"";
    String tail = "\"}";
    return (head + "x".repeat(size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deepNestingIs400OnAJsonBindingEndpointAndOnPredict() {
    String token = Http.accessToken("alice");
    String deep = "[".repeat(100_000);

    HttpResponse<String> entity =
        Http.json("POST", "/api/v1/entities", token, "{\"name\":\"x\",\"joinKeys\":" + deep);
    HttpResponse<String> predict =
        Http.json("POST", "/api/v1/models/hardening_none/predict", token, "{\"entities\":" + deep);

    for (HttpResponse<String> response : List.of(entity, predict)) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
      assertThat(((JsonObject) Http.json(response.body())).getString("error"))
          .contains("deeper than");
    }
  }

  /**
   * The JDK's client sends the whole body before it reads the answer: the refused rest must still
   * be read, or the answer never comes (before the fix, about 1 in 150 such requests waited 30 s
   * for the server to drop the connection).
   */
  @Test
  void everyRefusedDeepBodyIsAnsweredAtOnce() {
    String token = Http.accessToken("alice");
    String deep = "{\"entities\":" + "[".repeat(100_000);
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> response =
          Http.send(
              HttpRequest.newBuilder(
                      URI.create(RunningPlatform.BASE + "/api/v1/models/hardening_none/predict"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(deep))
                  .timeout(Duration.ofSeconds(10))
                  .build());
      assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isEqualTo(400);
    }
  }

  @Test
  void aBodyCutOffInsideAValueIs400NotASpinningThread() {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(RunningPlatform.BASE + "/api/v1/models/hardening_none/predict"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Http.accessToken("alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"unknown\":[[1,2"))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = (JsonObject) Http.json(response.body());
    assertThat(error.getString("error")).contains("ends inside");
    assertThat(error.getString("field")).isEqualTo("body");
  }

  @Test
  void theLoggedInPortalRunsUnderTheNoncePolicy() {
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/");
      PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
      JavascriptExecutor page = (JavascriptExecutor) browser.driver;

      assertThat(portal.userName()).isEqualTo("Alice Archer");
      assertThat(
              (Number)
                  page.executeScript(
                      "return Array.from(document.scripts).filter(s => s.nonce).length"))
          .as("the bootstrap page's scripts carry the nonce")
          .matches(n -> n.intValue() > 0);
      assertThat(
              page.executeScript(
                  "const s = document.createElement('script');"
                      + " s.textContent = 'window.__mlpInjected = true';"
                      + " document.head.appendChild(s);"
                      + " return window.__mlpInjected === true;"))
          .as("an injected inline script does not run")
          .isEqualTo(false);
      portal.open("/models").waitForText("New model");
      browser.screenshot("hardening-models-alice");
    }
  }

  private static String localHost() {
    return "Host: localhost:" + RunningPlatform.PORT + "\r\n";
  }

  private static void writeChunked(OutputStream out, byte[] body) throws IOException {
    int chunk = 64 << 10;
    for (int offset = 0; offset < body.length; offset += chunk) {
      int length = Math.min(chunk, body.length - offset);
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, offset, length);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * One HTTP/1.1 exchange over a plain socket, for what {@code java.net.http} will not send: a
   * foreign Host header, a chunked body written by hand. The body is written on its own thread
   * while the answer is read, since the server may answer (and close) before taking it all.
   */
  private record RawResponse(int status, Map<String, String> headers, String body) {

    interface Body {
      void writeTo(OutputStream out) throws IOException;
    }

    String header(String name) {
      return headers.getOrDefault(name, "");
    }

    static RawResponse exchange(String head, Body body) {
      try (Socket socket = new Socket("localhost", RunningPlatform.PORT)) {
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread writer =
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        if (body != null) {
                          body.writeTo(out);
                          out.flush();
                        }
                      } catch (IOException e) {
                        // the server answered and closed before taking the whole body
                      }
                    });
        RawResponse response = read(socket.getInputStream());
        writer.join(Duration.ofSeconds(10));
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static RawResponse read(InputStream in) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.merge(
            line.substring(0, colon).strip(),
            line.substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
      byte[] body;
      if (headers.getOrDefault("Transfer-Encoding", "").equalsIgnoreCase("chunked")) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
            size > 0;
            size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
          all.write(in.readNBytes(size));
          line(in);
        }
        body = all.toByteArray();
      } else if (headers.containsKey("Content-Length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
      } else {
        body = in.readAllBytes();
      }
      return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the connection closed mid-answer: " + line);
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
