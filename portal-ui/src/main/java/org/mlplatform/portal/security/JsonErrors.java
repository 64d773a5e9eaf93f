package org.mlplatform.portal.security;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the API's error shape ({@code {"error": "..."}}) from servlet filters. */
final class JsonErrors {

  private JsonErrors() {}

  static void write(HttpServletResponse response, int status, String error, String requestId)
      throws IOException {
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", error);
    if (requestId != null) {
      body.add("requestId", requestId);
    }
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.build().toString());
  }
}
