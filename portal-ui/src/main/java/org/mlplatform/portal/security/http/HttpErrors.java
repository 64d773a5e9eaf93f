package org.mlplatform.portal.security.http;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mlplatform.portal.security.RequestIds;

/**
 * The API's error shape ({@code {"error": "...", "field": "..."?, "requestId": "..."}}) written
 * from the filter.
 */
final class HttpErrors {

  /** Caller-supplied text (a host, an origin) echoed in an error is cut to this length. */
  private static final int MAX_ECHO = 100;

  private HttpErrors() {}

  static void write(
      HttpServletRequest request, HttpServletResponse response, int status, String error)
      throws IOException {
    write(request, response, status, error, null);
  }

  /** With the request field at fault, as the API's own errors name it ({@code "body"}). */
  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String error,
      String field)
      throws IOException {
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", error);
    if (field != null) {
      body.add("field", field);
    }
    String requestId = RequestIds.assign(request, response);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.add("requestId", requestId).build().toString());
  }

  /** Text from the request, shortened, for an error message (JSON escaping does the rest). */
  static String echo(String callerText) {
    return callerText.length() <= MAX_ECHO ? callerText : callerText.substring(0, MAX_ECHO) + "...";
  }
}
