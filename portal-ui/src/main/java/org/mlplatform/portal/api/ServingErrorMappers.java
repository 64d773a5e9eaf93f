package org.mlplatform.portal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.portal.serving.MissingFeatureException;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.VersionLoadException;
import org.mlplatform.serving.inference.InferenceException;

/** Serving's failures as the API's JSON errors. */
public final class ServingErrorMappers {

  private ServingErrorMappers() {}

  /** Not deployed: 404; deployed but still loading: 503, worth retrying. */
  @Provider
  public static class NotServed implements ExceptionMapper<ModelNotServedException> {
    @Override
    public Response toResponse(ModelNotServedException e) {
      return ErrorBody.response(
          e.loading() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.NOT_FOUND,
          e.getMessage());
    }
  }

  /** A version that would not load: the deployment is unchanged and the caller hears why. */
  @Provider
  public static class LoadFailures implements ExceptionMapper<VersionLoadException> {
    @Override
    public Response toResponse(VersionLoadException e) {
      return ErrorBody.response(unprocessable(), e.getMessage(), "version");
    }
  }

  @Provider
  public static class MissingFeatures implements ExceptionMapper<MissingFeatureException> {
    @Override
    public Response toResponse(MissingFeatureException e) {
      return ErrorBody.response(unprocessable(), e.getMessage(), "features." + e.feature());
    }
  }

  @Provider
  public static class BadInferenceInput implements ExceptionMapper<InferenceException> {
    @Override
    public Response toResponse(InferenceException e) {
      return ErrorBody.response(Response.Status.fromStatusCode(e.status()), e.getMessage());
    }
  }

  private static Response.StatusType unprocessable() {
    return new Response.StatusType() {
      @Override
      public int getStatusCode() {
        return 422;
      }

      @Override
      public Response.Status.Family getFamily() {
        return Response.Status.Family.CLIENT_ERROR;
      }

      @Override
      public String getReasonPhrase() {
        return "Unprocessable Content";
      }
    };
  }
}
