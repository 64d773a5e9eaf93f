package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.portal.security.RequestIds;
import org.mlplatform.portal.serving.oip.OipEndpoint;
import org.mlplatform.portal.serving.oip.OipExchange;

/**
 * The Open Inference Protocol v2 under {@code /v2}, as a plain servlet: without JAX-RS's
 * per-request machinery. The bearer-token filter has already authenticated the caller.
 */
@WebServlet(urlPatterns = "/v2/*", loadOnStartup = 1)
public class InferenceServlet extends HttpServlet {

  @Inject private transient OipEndpoint endpoint;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    endpoint.handle(new ServletExchange(req, res));
  }

  private record ServletExchange(HttpServletRequest req, HttpServletResponse res)
      implements OipExchange {

    @Override
    public String method() {
      return req.getMethod();
    }

    @Override
    public String path() {
      return req.getPathInfo() == null ? "" : req.getPathInfo();
    }

    @Override
    public String header(String name) {
      return req.getHeader(name);
    }

    @Override
    public long contentLength() {
      return req.getContentLengthLong();
    }

    @Override
    public InputStream body() throws IOException {
      return req.getInputStream();
    }

    @Override
    public PlatformUser user() {
      return AuthenticatedRequest.userOf(req).orElse(null);
    }

    @Override
    public String requestId() {
      return RequestIds.of(req);
    }

    @Override
    public void responseHeader(String name, String value) {
      res.setHeader(name, value);
    }

    @Override
    public OutputStream respond(int status) throws IOException {
      if (res.isCommitted()) {
        return OutputStream.nullOutputStream(); // too late to change the answer
      }
      res.resetBuffer();
      res.setStatus(status);
      res.setContentType("application/json");
      return res.getOutputStream();
    }
  }
}
