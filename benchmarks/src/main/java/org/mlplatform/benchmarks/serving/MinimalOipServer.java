package org.mlplatform.benchmarks.serving;

import ai.onnxruntime.OrtException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The floor for HTTP plus JSON: the JDK's {@code HttpServer} on a free loopback port, answering
 * {@code POST /v2/models/<model>/infer} with the {@link BareSession} in between a hand-rolled read
 * of the request's {@code data} and a hand-written response ({@link MinimalOip}); no
 * authentication, no routing, no logging. Its executor has one thread per core. Set {@code
 * sun.net.httpserver.nodelay=true} before the first server starts, or Nagle's algorithm holds small
 * answers back (the driver does).
 */
final class MinimalOipServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MinimalOipServer.class.getName());

  private final HttpServer server;
  private final ExecutorService workers;
  private final String path;

  private MinimalOipServer(HttpServer server, ExecutorService workers, String path) {
    this.server = server;
    this.workers = workers;
    this.path = path;
  }

  /** Starts serving {@code session} as {@code model}, whose output has {@code classes} columns. */
  static MinimalOipServer start(BareSession session, String model, int classes) throws IOException {
    String path = "/v2/models/" + model + "/infer";
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("minimal-oip-", 0).daemon(true).factory());
    server.setExecutor(workers);
    server.createContext(path, exchange -> handle(exchange, path, session, model, classes));
    server.start();
    return new MinimalOipServer(server, workers, path);
  }

  /** {@code http://127.0.0.1:<port>}. */
  URI base() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** The infer path. */
  String path() {
    return path;
  }

  private static void handle(
      HttpExchange exchange, String path, BareSession session, String model, int classes)
      throws IOException {
    try {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        answer(exchange, 404, MinimalOip.errorBody("no such endpoint"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, MinimalOip.errorBody("POST only"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      float[] outputs;
      try {
        outputs = session.predict(MinimalOip.requestData(body));
      } catch (IllegalArgumentException e) {
        answer(exchange, 400, MinimalOip.errorBody(e.getMessage()));
        return;
      }
      answer(exchange, 200, MinimalOip.responseBody(model, outputs, classes));
    } catch (OrtException | RuntimeException e) {
      LOG.log(Level.SEVERE, "the minimal server failed", e);
      answer(exchange, 500, MinimalOip.errorBody(String.valueOf(e.getMessage())));
    } finally {
      exchange.close();
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
