package org.mlplatform.portal.security.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.portal.security.RequestIds;

/**
 * The per-request part of HTTP hardening, first in the chain (see {@link HttpHardeningSetup}):
 * security headers on every response; 421 for a Host that is not ours; CORS preflights answered
 * before any token is asked for; and API request bodies held to a size and, for JSON, a nesting
 * limit, whether the length is declared or the body is chunked.
 */
public final class HttpHardeningFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(HttpHardeningFilter.class.getName());
  private static final int MISDIRECTED_REQUEST = 421;

  /** The parts of the application, told apart by path. */
  enum Area {
    PORTAL,
    API,
    INFERENCE,
    /** Health and metrics: probes and scrapers call by IP address or service name. */
    PROBE;

    static Area of(String path) {
      if (within(path, "/api")) {
        return API;
      }
      if (within(path, "/v2")) {
        return INFERENCE;
      }
      if (within(path, "/health") || within(path, "/metrics")) {
        return PROBE;
      }
      return PORTAL;
    }

    private static boolean within(String path, String folder) {
      return path.equals(folder) || path.startsWith(folder + "/");
    }

    boolean isApi() {
      return this == API || this == INFERENCE;
    }
  }

  private final transient HttpHardeningSettings settings;
  private final transient CorsPolicy cors;

  HttpHardeningFilter(HttpHardeningSettings settings) {
    this.settings = settings;
    this.cors = new CorsPolicy(settings.corsOrigins());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = path(req);
    Area area = Area.of(path);
    SecurityHeaders.apply(req, res, area.isApi());
    String host = req.getHeader("Host");
    if (area != Area.PROBE && !settings.hosts().allows(host)) {
      HttpErrors.write(
          req,
          res,
          MISDIRECTED_REQUEST,
          "host '"
              + HttpErrors.echo(host)
              + "' is not served here; the platform's host names are set with MLP_ALLOWED_HOSTS");
      return;
    }
    if (area.isApi()) {
      if (CorsPolicy.isPreflight(req)) {
        cors.answerPreflight(req, res);
        return;
      }
      cors.decorate(req, res);
    }
    if (area == Area.API && !UploadRoutes.isUpload(req.getMethod(), path, req.getContentType())) {
      guardBody(req, res, chain);
    } else {
      chain.doFilter(req, res);
    }
  }

  /**
   * Passes the request on with its body under guard. A declared length over the limit is refused
   * before anything is read; otherwise the body is counted as it is read, and once it breaks a
   * limit the downstream answer is dropped for the refusal. Nothing downstream acts on a body it
   * could not read completely, so nothing is stored.
   */
  private void guardBody(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long maxBytes = settings.apiMaxBodyBytes();
    if (req.getContentLengthLong() > maxBytes) {
      refuse(req, res, Refusal.tooLarge(maxBytes));
      return;
    }
    BodyGuard guard =
        new BodyGuard(
            maxBytes, UploadRoutes.isJson(req.getContentType()) ? settings.apiMaxJsonDepth() : 0);
    try {
      chain.doFilter(new GuardedRequest(req, guard), new RefusableResponse(res, guard));
    } catch (IOException | ServletException | RuntimeException e) {
      if (!guard.refused()) {
        throw e;
      }
    }
    if (guard.refusal().isPresent()) {
      refuse(req, res, guard.refusal().get());
    }
  }

  private void refuse(HttpServletRequest req, HttpServletResponse res, Refusal refusal)
      throws IOException {
    LOG.log(Level.FINE, "refused a request body: {0}", refusal.error());
    if (res.isCommitted()) {
      LOG.warning("refused a request body after the answer had begun: " + refusal.error());
      return;
    }
    String requestId = RequestIds.of(req);
    res.reset();
    SecurityHeaders.apply(req, res, true);
    cors.decorate(req, res);
    if (requestId != null) {
      res.setHeader(RequestIds.HEADER, requestId);
    }
    if (refusal.status() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
      drain(req, settings.apiMaxBodyBytes()); // an oversized rest is not worth receiving
    }
    // Where a refused body ended is not known for sure (the reader stopped inside it): no client
    // may send its next request on this connection.
    res.setHeader("Connection", "close");
    HttpErrors.write(req, res, refusal.status(), refusal.error(), "body");
    res.flushBuffer();
  }

  /**
   * Reads what the refused body still holds (within the size limit, so bounded), so the client
   * finishes sending and reads the answer on a clean connection: a server that answers and closes
   * with unread bytes makes some clients see a reset instead of the 400.
   */
  private static void drain(HttpServletRequest req, long maxBytes) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = req.getInputStream();
      for (long left = maxBytes; left > 0; ) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return;
        }
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "could not read the rest of a refused body", e);
    }
  }

  /** The decoded, normalised path within the application (no {@code ..}, no path parameters). */
  static String path(HttpServletRequest req) {
    String pathInfo = req.getPathInfo();
    return req.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
