package org.mlplatform.portal.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The API's error shape: {@code {"error": "...", "field": "..."}}, the field only when one input is
 * to blame.
 */
public record ErrorBody(String error, String field) {

  public static Response response(Response.StatusType status, String error) {
    return response(status, error, null);
  }

  public static Response response(Response.StatusType status, String error, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(error, field))
        .build();
  }
}
