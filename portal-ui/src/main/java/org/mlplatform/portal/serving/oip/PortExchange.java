package org.mlplatform.portal.serving.oip;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.RequestIds;
import org.mlplatform.serving.inference.OipResponseWriter;

/**
 * An exchange on the inference port. The answer is buffered and sent with its length once the
 * endpoint is done (answers are small; a known length keeps the connection alive without chunking),
 * so an error found while writing can still replace it.
 */
final class PortExchange implements OipExchange {

  private final HttpExchange exchange;
  private final String prefix;
  private final String requestId;
  private final ByteArrayOutputStream answer = new ByteArrayOutputStream(512);
  private PlatformUser user;
  private int status = 500;
  private boolean unavailable;

  PortExchange(HttpExchange exchange, String prefix) {
    this.exchange = exchange;
    this.prefix = prefix;
    this.requestId =
        RequestIds.offeredOrNew(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
    exchange.getResponseHeaders().set(RequestIds.HEADER, requestId);
  }

  HttpExchange exchange() {
    return exchange;
  }

  void authenticated(PlatformUser caller) {
    this.user = caller;
  }

  void unavailable() {
    this.unavailable = true;
  }

  /** Answers 401 (or 503 when tokens cannot be checked) with the reason. */
  void refuse(String reason) throws IOException {
    if (unavailable) {
      responseHeader("Retry-After", "5");
    }
    try (OutputStream out = respond(unavailable ? 503 : 401)) {
      OipResponseWriter.writeError(out, reason);
    }
  }

  void send() throws IOException {
    byte[] body = answer.toByteArray();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    String path = exchange.getRequestURI().getRawPath();
    return path.length() > prefix.length() ? path.substring(prefix.length()) : "";
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public long contentLength() {
    String length = header("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public InputStream body() {
    return exchange.getRequestBody();
  }

  @Override
  public PlatformUser user() {
    return user;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public void responseHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public OutputStream respond(int status) {
    this.status = status;
    answer.reset();
    return answer;
  }
}
