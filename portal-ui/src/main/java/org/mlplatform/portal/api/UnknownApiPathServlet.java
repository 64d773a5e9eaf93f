package org.mlplatform.portal.api;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * API paths that no resource serves answer a JSON 404. Without this, the portal's servlet at {@code
 * /*} would answer them with an HTML page and status 200. JAX-RS's more specific mapping ({@code
 * /api/v1/*}) takes precedence over these.
 */
@WebServlet(
    name = "unknownApiPath",
    urlPatterns = {"/api/*"})
public class UnknownApiPathServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    res.setStatus(HttpServletResponse.SC_NOT_FOUND);
    res.setContentType("application/json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter()
        .write(
            Json.createObjectBuilder()
                .add("error", "no such resource: " + path)
                .build()
                .toString());
  }
}
