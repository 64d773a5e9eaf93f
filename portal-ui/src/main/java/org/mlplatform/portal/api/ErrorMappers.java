package org.mlplatform.portal.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.ingest.RowsRejectedException;

/** Turns exceptions into the API's JSON error shape, so no caller ever sees an HTML error page. */
public final class ErrorMappers {

  private ErrorMappers() {}

  /** JAX-RS's own errors (404, 405, 415, 400 from parameter conversion, ...). */
  @Provider
  public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      if (original.hasEntity()) {
        return original;
      }
      String message =
          switch (original.getStatus()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported content type";
            default -> e.getMessage();
          };
      return ErrorBody.response(original.getStatusInfo(), message);
    }
  }

  /** Arguments that break a domain invariant are the caller's mistake. */
  @Provider
  public static class IllegalArguments implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      String field = e instanceof DomainValidationException invalid ? invalid.field() : null;
      return ErrorBody.response(Response.Status.BAD_REQUEST, e.getMessage(), field);
    }
  }

  /** An upload with invalid rows: nothing was stored; the first problems are listed. */
  @Provider
  public static class RejectedRows implements ExceptionMapper<RowsRejectedException> {
    /** One problem as the caller sees it. */
    public record Problem(int row, String column, String message) {}

    /** The 400 body: the usual error and field, plus the problems. */
    public record Body(String error, String field, List<Problem> problems, boolean truncated) {}

    @Override
    public Response toResponse(RowsRejectedException e) {
      List<Problem> problems =
          e.problems().stream()
              .map(p -> new Problem(p.rowNumber(), p.column(), p.message()))
              .toList();
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new Body(e.getMessage(), "rows", problems, e.truncated()))
          .build();
    }
  }

  /** A name that is already taken, or an object still in use. */
  @Provider
  public static class Conflicts implements ExceptionMapper<FeatureRegistry.ConflictException> {
    @Override
    public Response toResponse(FeatureRegistry.ConflictException e) {
      return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /** A named object that does not exist. */
  @Provider
  public static class Missing implements ExceptionMapper<FeatureRegistry.NotFoundException> {
    @Override
    public Response toResponse(FeatureRegistry.NotFoundException e) {
      return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** A body that is not JSON, or JSON of the wrong shape. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return ErrorBody.response(
          Response.Status.BAD_REQUEST, "malformed JSON body: " + rootMessage(e), "body");
    }
  }

  /** Jersey wraps body-reading failures (malformed JSON among them) in ProcessingException. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return ErrorBody.response(
          Response.Status.BAD_REQUEST, "unreadable request body: " + rootMessage(e), "body");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  /** Everything else is ours: log it, and tell the caller nothing internal. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Exception e) {
      LOG.log(Level.SEVERE, "unexpected error in the API", e);
      return ErrorBody.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error");
    }
  }
}
