package org.mlplatform.portal.serving.oip;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.portal.security.IdentityProviderUnavailableException;
import org.mlplatform.portal.security.InvalidTokenException;
import org.mlplatform.portal.security.TokenVerifier;

/**
 * A dedicated inference listener, as Triton and KServe offer one (and Feast its feature server):
 * the same {@code /v2} routes, predictions by entity key and online lookups, with the same bearer
 * tokens and answers as the platform's port, carried by the JDK's HTTP server with a small fixed
 * pool. It skips the application server's per-request pipeline (filter chain, security context,
 * session handling), which costs more than the inference itself for small models. Off unless a port
 * is configured.
 */
public final class InferencePort implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(InferencePort.class.getName());
  private static final String PREFIX = "/v2";
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService workers;

  private InferencePort(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Opens the port and serves until closed. */
  public static InferencePort open(
      String host,
      int port,
      int threads,
      ThreadFactory threadFactory,
      OipEndpoint endpoint,
      List<PortRoutes> routes,
      TokenVerifier tokens)
      throws IOException {
    // The JDK's server writes an answer's head and body apart: with Nagle's algorithm the body
    // waits for the head's acknowledgement. Read once, when its first server starts.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
    ExecutorService workers = Executors.newFixedThreadPool(threads, threadFactory);
    server.setExecutor(workers);
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    server.createContext(
        PREFIX,
        exchange ->
            serve(new PortExchange(exchange, PREFIX), endpoint::handle, tokens, application));
    for (PortRoutes route : routes) {
      // The trailing slash keeps /api/v1x from matching /api/v1.
      server.createContext(
          route.prefix() + "/",
          exchange ->
              serve(
                  new PortExchange(exchange, route.prefix()), route::handle, tokens, application));
    }
    server.start();
    LOG.info(
        () ->
            "inference port open on "
                + host
                + ":"
                + port
                + " ("
                + PREFIX
                + routes.stream().map(r -> ", " + r.prefix()).reduce("", String::concat)
                + ", "
                + threads
                + " threads)");
    return new InferencePort(server, workers);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What answers an authenticated exchange. */
  private interface Handler {
    void handle(OipExchange exchange) throws IOException;
  }

  /**
   * Serves under the application's class loader: the server's connection pool loads its validator
   * through it, and the pool's threads do not always carry it (then no connection can be had).
   */
  private static void serve(
      PortExchange carried, Handler handler, TokenVerifier tokens, ClassLoader application) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(application);
    try (HttpExchange exchange = carried.exchange()) {
      String failure = authenticate(carried, tokens);
      if (failure == null) {
        handler.handle(carried);
      } else {
        carried.refuse(failure);
      }
      carried.send();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "inference exchange ended early", e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** Null when the caller is authenticated; else why not (the answer is then a 401 or 503). */
  private static String authenticate(PortExchange exchange, TokenVerifier tokens) {
    String header = exchange.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "missing bearer token: send 'Authorization: Bearer <access token>'";
    }
    try {
      exchange.authenticated(tokens.verifyAccessToken(header.substring(7).trim()));
      return null;
    } catch (InvalidTokenException e) {
      return "invalid bearer token: " + e.getMessage();
    } catch (IdentityProviderUnavailableException e) {
      exchange.unavailable();
      return "identity provider unavailable; try again shortly";
    }
  }

  @Override
  public void close() {
    server.stop(1);
    workers.shutdownNow();
  }
}
