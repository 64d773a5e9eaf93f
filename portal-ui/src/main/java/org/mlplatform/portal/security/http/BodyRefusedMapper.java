package org.mlplatform.portal.security.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.portal.api.ErrorBody;

/**
 * A refused body that reaches JAX-RS unwrapped (a resource reading its stream itself) is the
 * caller's 413 or 400, not an internal error. The filter answers the same either way; this keeps
 * the refusal out of the unexpected-error log.
 */
@Provider
public class BodyRefusedMapper implements ExceptionMapper<BodyRefusedException> {

  @Override
  public Response toResponse(BodyRefusedException e) {
    return ErrorBody.response(Response.Status.fromStatusCode(e.status()), e.getMessage(), "body");
  }
}
