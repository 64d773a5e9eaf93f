package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.portal.security.RequestIds;
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
 * The Open Inference Protocol v2 under {@code /v2}, as a plain servlet: the hot path parses the
 * body with a streaming reader straight into primitive arrays and writes the answer the same way,
 * without JAX-RS's per-request machinery. The bearer-token filter has already authenticated the
 * caller; every platform role may predict.
 */
@WebServlet(urlPatterns = "/v2/*", loadOnStartup = 1)
public class InferenceServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(InferenceServlet.class.getName());
  private static final String JSON = "application/json";
  private static final String ROUTING_KEY = "X-Routing-Key";

  @Inject private transient ServingRuntime runtime;
  @Inject private transient PlatformSettings settings;

  private transient OipRequestReader reader;
  private long maxBytes;

  @Override
  public void init() {
    reader = new OipRequestReader(ReadLimits.defaults());
    maxBytes = settings.servingMaxRequestBytes();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    handle(req, res, false);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    handle(req, res, true);
  }

  private void handle(HttpServletRequest req, HttpServletResponse res, boolean post)
      throws IOException {
    try {
      if (AuthenticatedRequest.userOf(req).map(u -> u.roles().isEmpty()).orElse(true)) {
        error(res, 403, "predictions need one of the platform's roles");
        return;
      }
      V2Path path = V2Path.parse(req.getPathInfo());
      if (post != path.isInfer()) {
        res.setHeader("Allow", path.isInfer() ? "POST" : "GET");
        error(res, 405, (post ? "POST" : "GET") + " is not allowed on " + req.getRequestURI());
        return;
      }
      switch (path.kind()) {
        case SERVER -> json(res, 200, "{\"name\":\"mlp\",\"version\":\"2\",\"extensions\":[]}");
        case LIVE -> json(res, 200, "{\"live\":true}");
        case READY -> serverReady(res);
        case MODEL -> metadata(res, path);
        case MODEL_READY -> modelReady(res, path);
        case INFER -> infer(req, res, path);
      }
    } catch (InferenceException e) {
      error(res, e.status(), e.getMessage());
    } catch (ModelNotServedException e) {
      error(res, e.loading() ? 503 : 404, e.getMessage());
    } catch (IllegalArgumentException e) {
      error(res, 400, e.getMessage());
    } catch (RuntimeException e) {
      String id = RequestIds.of(req);
      LOG.log(Level.SEVERE, "inference failed [" + id + "]", e);
      error(res, 500, "internal error (request " + id + ")");
    }
  }

  private void infer(HttpServletRequest req, HttpServletResponse res, V2Path path)
      throws IOException {
    long declared = req.getContentLengthLong();
    if (declared > maxBytes) {
      error(res, 413, "the request body is over the limit of " + maxBytes + " bytes");
      return;
    }
    ServingEngine engine = runtime.engine();
    servedStatus(engine, path.model());
    InferenceRequest request;
    BoundedInput body = new BoundedInput(req.getInputStream(), maxBytes);
    try (body) {
      request = reader.read(body);
    } catch (RuntimeException e) {
      // However the parser reports the stream's refusal, the answer is the size limit.
      if (body.exceeded()) {
        error(res, 413, "the request body is over the limit of " + maxBytes + " bytes");
        return;
      }
      throw e;
    }
    try (ServingLease lease =
        engine.lease(path.model(), path.version(), req.getHeader(ROUTING_KEY))) {
      Prediction prediction = lease.infer(request, RequestIds.of(req), false).prediction();
      res.setStatus(200);
      res.setContentType(JSON);
      res.setHeader("X-Prediction-Id", prediction.id().toString());
      res.setHeader("X-Model-Version", Integer.toString(prediction.version().number()));
      res.setHeader("X-Route", prediction.route().label());
      try (OutputStream out = res.getOutputStream()) {
        OipResponseWriter.writeInferResponse(
            out,
            path.model().value(),
            Integer.toString(prediction.version().number()),
            request.id(),
            prediction.outputs());
      }
    }
  }

  private void metadata(HttpServletResponse res, V2Path path) throws IOException {
    ServingEngine engine = runtime.engine();
    DeploymentStatus status = servedStatus(engine, path.model());
    try (ServingLease lease = engine.lease(path.model(), path.version(), null)) {
      List<String> versions =
          status.versions().stream().map(v -> Integer.toString(v.version())).distinct().toList();
      res.setStatus(200);
      res.setContentType(JSON);
      try (OutputStream out = res.getOutputStream()) {
        OipResponseWriter.writeModelMetadata(
            out, path.model().value(), versions, lease.version().signature());
      }
    }
  }

  private void modelReady(HttpServletResponse res, V2Path path) throws IOException {
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
        res,
        ready ? 200 : 503,
        "{\"name\":\"" + path.model().value() + "\",\"ready\":" + ready + "}");
  }

  private void serverReady(HttpServletResponse res) throws IOException {
    boolean ready;
    try {
      runtime.engine();
      ready = true;
    } catch (ModelNotServedException e) {
      ready = false;
    }
    json(res, ready ? 200 : 503, "{\"ready\":" + ready + "}");
  }

  private static DeploymentStatus servedStatus(ServingEngine engine, ResourceName model) {
    return engine
        .status(model)
        .orElseThrow(
            () -> new ModelNotServedException("model " + model + " is not deployed", false));
  }

  private static void json(HttpServletResponse res, int status, String body) throws IOException {
    res.setStatus(status);
    res.setContentType(JSON);
    res.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void error(HttpServletResponse res, int status, String message)
      throws IOException {
    if (res.isCommitted()) {
      return;
    }
    res.resetBuffer();
    res.setStatus(status);
    res.setContentType(JSON);
    OipResponseWriter.writeError(res.getOutputStream(), message);
  }

  /** A parsed {@code /v2} path. */
  record V2Path(Kind kind, ResourceName model, OptionalInt version) {

    enum Kind {
      SERVER,
      LIVE,
      READY,
      MODEL,
      MODEL_READY,
      INFER
    }

    boolean isInfer() {
      return kind == Kind.INFER;
    }

    static V2Path parse(String pathInfo) {
      String path = pathInfo == null ? "" : pathInfo;
      if (path.isEmpty() || path.equals("/")) {
        return new V2Path(Kind.SERVER, null, OptionalInt.empty());
      }
      if (path.equals("/health/live")) {
        return new V2Path(Kind.LIVE, null, OptionalInt.empty());
      }
      if (path.equals("/health/ready")) {
        return new V2Path(Kind.READY, null, OptionalInt.empty());
      }
      String[] parts = path.substring(1).split("/", -1);
      if (parts.length < 2 || !parts[0].equals("models")) {
        throw new ModelNotServedException("no such endpoint: /v2" + path, false);
      }
      ResourceName model = ResourceName.of("model", parts[1]);
      int next = 2;
      OptionalInt version = OptionalInt.empty();
      if (parts.length > 3 && parts[2].equals("versions")) {
        version = OptionalInt.of(versionNumber(parts[3]));
        next = 4;
      }
      if (parts.length == next) {
        return new V2Path(Kind.MODEL, model, version);
      }
      if (parts.length == next + 1 && parts[next].equals("ready")) {
        return new V2Path(Kind.MODEL_READY, model, version);
      }
      if (parts.length == next + 1 && parts[next].equals("infer")) {
        return new V2Path(Kind.INFER, model, version);
      }
      throw new ModelNotServedException("no such endpoint: /v2" + path, false);
    }

    private static int versionNumber(String text) {
      try {
        int number = Integer.parseInt(text);
        if (number >= 1) {
          return number;
        }
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
      throw new IllegalArgumentException("a version is a number from 1, got '" + text + "'");
    }
  }

  /** Counts the body as it is read, so a chunked body without a length cannot exceed the limit. */
  private static final class BoundedInput extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    BoundedInput(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    boolean exceeded() {
      return read > limit;
    }

    private void count(long n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }
  }

  /** An I/O failure on purpose: JSON parsers pass I/O failures on as their cause. */
  private static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("the request body is over the limit of " + limit + " bytes");
    }
  }
}
