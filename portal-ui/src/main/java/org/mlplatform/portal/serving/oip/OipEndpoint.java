package org.mlplatform.portal.serving.oip;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.Prediction;
import org.mlplatform.serving.engine.ServingEngine;
import org.mlplatform.serving.engine.ServingLease;
import org.mlplatform.serving.inference.InferenceException;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.OipRequestReader;
import org.mlplatform.serving.inference.OipResponseWriter;
import org.mlplatform.serving.inference.ReadLimits;

/**
 * The Open Inference Protocol v2 routes: server and model health, model metadata and inference. The
 * body is parsed with the streaming reader straight into primitive arrays and the answer written
 * the same way. Every platform role may predict; the carrier has authenticated the caller.
 */
@ApplicationScoped
public class OipEndpoint {

  private static final Logger LOG = Logger.getLogger(OipEndpoint.class.getName());

  /** Keeps a caller on one side of a canary split. */
  public static final String ROUTING_KEY = "X-Routing-Key";

  @Inject private ServingRuntime runtime;
  @Inject private PlatformSettings settings;

  private final OipRequestReader reader = new OipRequestReader(ReadLimits.defaults());

  /** Read once: a configuration lookup per request cost more than the model's run. */
  private long maxBytes;

  @PostConstruct
  void readLimits() {
    maxBytes = settings.servingMaxRequestBytes();
  }

  /** Answers one exchange; never throws for a caller's mistake. */
  public void handle(OipExchange exchange) throws IOException {
    try {
      if (exchange.user() == null || exchange.user().roles().isEmpty()) {
        error(exchange, 403, "predictions need one of the platform's roles");
        return;
      }
      V2Path path = V2Path.parse(exchange.path());
      boolean post = exchange.method().equals("POST");
      if (post != path.isInfer()
          || !(post || exchange.method().equals("GET") || exchange.method().equals("HEAD"))) {
        exchange.responseHeader("Allow", path.isInfer() ? "POST" : "GET");
        error(exchange, 405, exchange.method() + " is not allowed on /v2" + exchange.path());
        return;
      }
      switch (path.kind()) {
        case SERVER ->
            json(exchange, 200, "{\"name\":\"mlp\",\"version\":\"2\",\"extensions\":[]}");
        case LIVE -> json(exchange, 200, "{\"live\":true}");
        case READY -> serverReady(exchange);
        case MODEL -> metadata(exchange, path);
        case MODEL_READY -> modelReady(exchange, path);
        case INFER -> infer(exchange, path);
      }
    } catch (InferenceException e) {
      error(exchange, e.status(), e.getMessage());
    } catch (ModelNotServedException e) {
      error(exchange, e.loading() ? 503 : 404, e.getMessage());
    } catch (IllegalArgumentException e) {
      error(exchange, 400, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "inference failed [" + exchange.requestId() + "]", e);
      error(exchange, 500, "internal error (request " + exchange.requestId() + ")");
    }
  }

  private void infer(OipExchange exchange, V2Path path) throws IOException {
    if (exchange.contentLength() > maxBytes) {
      error(exchange, 413, "the request body is over the limit of " + maxBytes + " bytes");
      return;
    }
    ServingEngine engine = runtime.engine();
    servedStatus(engine, path.model());
    InferenceRequest request;
    BoundedInput body = new BoundedInput(exchange.body(), maxBytes);
    try (body) {
      request = reader.read(body);
    } catch (RuntimeException e) {
      // However the parser reports the stream's refusal, the answer is the size limit.
      if (body.exceeded()) {
        error(exchange, 413, "the request body is over the limit of " + maxBytes + " bytes");
        return;
      }
      throw e;
    }
    try (ServingLease lease =
        engine.lease(path.model(), path.version(), exchange.header(ROUTING_KEY))) {
      Prediction prediction = lease.infer(request, exchange.requestId(), false).prediction();
      exchange.responseHeader("X-Prediction-Id", prediction.id().toString());
      exchange.responseHeader("X-Model-Version", Integer.toString(prediction.version().number()));
      exchange.responseHeader("X-Route", prediction.route().label());
      try (OutputStream out = exchange.respond(200)) {
        OipResponseWriter.writeInferResponse(
            out,
            path.model().value(),
            Integer.toString(prediction.version().number()),
            request.id(),
            prediction.outputs());
      }
    }
  }

  private void metadata(OipExchange exchange, V2Path path) throws IOException {
    ServingEngine engine = runtime.engine();
    DeploymentStatus status = servedStatus(engine, path.model());
    try (ServingLease lease = engine.lease(path.model(), path.version(), null)) {
      List<String> versions =
          status.versions().stream().map(v -> Integer.toString(v.version())).distinct().toList();
      try (OutputStream out = exchange.respond(200)) {
        OipResponseWriter.writeModelMetadata(
            out, path.model().value(), versions, lease.version().signature());
      }
    }
  }

  private void modelReady(OipExchange exchange, V2Path path) throws IOException {
    ServingEngine engine = runtime.engine();
    boolean ready;
    try (ServingLease lease = engine.lease(path.model(), path.version(), null)) {
      ready = true;
    } catch (ModelNotServedException e) {
      if (!e.loading()) {
        throw e;
      }
      ready = false;
    }
    json(
        exchange,
        ready ? 200 : 503,
        "{\"name\":\"" + path.model().value() + "\",\"ready\":" + ready + "}");
  }

  private void serverReady(OipExchange exchange) throws IOException {
    boolean ready;
    try {
      runtime.engine();
      ready = true;
    } catch (ModelNotServedException e) {
      ready = false;
    }
    json(exchange, ready ? 200 : 503, "{\"ready\":" + ready + "}");
  }

  private static DeploymentStatus servedStatus(ServingEngine engine, ResourceName model) {
    return engine
        .status(model)
        .orElseThrow(
            () -> new ModelNotServedException("model " + model + " is not deployed", false));
  }

  private static void json(OipExchange exchange, int status, String body) throws IOException {
    try (OutputStream out = exchange.respond(status)) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void error(OipExchange exchange, int status, String message) throws IOException {
    try (OutputStream out = exchange.respond(status)) {
      OipResponseWriter.writeError(out, message);
    }
  }
}
