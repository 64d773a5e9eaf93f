package org.mlplatform.portal.security.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request and its response, as plain fakes: the request answers what it was given, the response
 * records status, headers and body, and any servlet method the filter is not expected to call fails
 * the test.
 */
final class FakeExchange {

  private final String method;
  private final String path;
  private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Object> attributes = new HashMap<>();
  private byte[] body = new byte[0];
  private boolean chunked;
  private boolean secure;

  private final Map<String, List<String>> responseHeaders =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private int status = 200;
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private PrintWriter writer;
  private boolean committed;

  private FakeExchange(String method, String path) {
    this.method = method;
    this.path = path;
    requestHeaders.put("Host", "localhost:8080");
  }

  static FakeExchange request(String method, String path) {
    return new FakeExchange(method, path);
  }

  FakeExchange header(String name, String value) {
    if (value == null) {
      requestHeaders.remove(name);
    } else {
      requestHeaders.put(name, value);
    }
    return this;
  }

  /** A body with its Content-Length declared. */
  FakeExchange body(String contentType, byte[] content) {
    this.body = content;
    return header("Content-Type", contentType);
  }

  /** The body sent chunked: no Content-Length. */
  FakeExchange chunked() {
    this.chunked = true;
    return this;
  }

  FakeExchange secure() {
    this.secure = true;
    return this;
  }

  int status() {
    return status;
  }

  String header(String name) {
    List<String> values = responseHeaders.get(name);
    return values == null ? null : String.join(", ", values);
  }

  String body() {
    if (writer != null) {
      writer.flush();
    }
    return responseBody.toString(StandardCharsets.UTF_8);
  }

  JsonObject json() {
    return Json.createReader(new StringReader(body())).readObject();
  }

  HttpServletRequest request() {
    return fake(
        HttpServletRequest.class,
        (name, args) ->
            switch (name) {
              case "getMethod" -> method;
              case "getServletPath" -> path;
              case "getPathInfo" -> null;
              case "getRequestURI" -> path;
              case "getContextPath" -> "";
              case "getHeader" -> requestHeaders.get((String) args[0]);
              case "getContentType" -> requestHeaders.get("Content-Type");
              case "getContentLengthLong" -> chunked ? -1L : (long) body.length;
              case "getContentLength" -> chunked ? -1 : body.length;
              case "getCharacterEncoding" -> null;
              case "isSecure" -> secure;
              case "getInputStream" -> new BytesInput(body);
              case "getAttribute" -> attributes.get((String) args[0]);
              case "setAttribute" -> attributes.put((String) args[0], args[1]);
              default -> throw new UnsupportedOperationException("request." + name);
            });
  }

  HttpServletResponse response() {
    return fake(
        HttpServletResponse.class,
        (name, args) ->
            switch (name) {
              case "setHeader" -> responseHeaders.put((String) args[0], values(args[1]));
              case "addHeader" ->
                  responseHeaders
                      .computeIfAbsent((String) args[0], k -> new ArrayList<>())
                      .add((String) args[1]);
              case "getHeader" -> header((String) args[0]);
              case "containsHeader" -> responseHeaders.containsKey((String) args[0]);
              case "setStatus" -> status = (int) args[0];
              case "getStatus" -> status;
              case "setContentType" -> responseHeaders.put("Content-Type", values(args[0]));
              case "setCharacterEncoding" -> null;
              case "getWriter" -> writer();
              case "getOutputStream" -> new BytesOutput(responseBody);
              case "isCommitted" -> committed;
              case "flushBuffer" -> committed = true;
              case "reset" -> reset();
              default -> throw new UnsupportedOperationException("response." + name);
            });
  }

  private PrintWriter writer() {
    if (writer == null) {
      writer = new PrintWriter(responseBody, true, StandardCharsets.UTF_8);
    }
    return writer;
  }

  private Object reset() {
    if (committed) {
      throw new IllegalStateException("committed");
    }
    responseHeaders.clear();
    status = 200;
    if (writer != null) {
      writer.flush();
    }
    responseBody.reset();
    return null;
  }

  private static List<String> values(Object value) {
    List<String> values = new ArrayList<>();
    values.add((String) value);
    return values;
  }

  interface Handler {
    Object handle(String method, Object[] args);
  }

  static <T> T fake(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeExchange.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("toString")) {
                return type.getSimpleName() + " fake";
              }
              return handler.handle(method.getName(), args);
            }));
  }

  private static final class BytesInput extends ServletInputStream {
    private final ByteArrayInputStream in;

    BytesInput(byte[] bytes) {
      this.in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      // Small reads, as a network stream gives them.
      return in.read(b, off, Math.min(len, 4096));
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class BytesOutput extends ServletOutputStream {
    private final ByteArrayOutputStream out;

    BytesOutput(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
