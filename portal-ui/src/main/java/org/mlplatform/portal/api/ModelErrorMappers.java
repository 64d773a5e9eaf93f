package org.mlplatform.portal.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.serving.onnx.InvalidModelException;
import org.mlplatform.workflows.Retrainings;
import org.mlplatform.workflows.ReviewInbox;

/** The model registry's refusals as API errors. */
public final class ModelErrorMappers {

  private ModelErrorMappers() {}

  /** The 4xx body of a refused model file: the usual error, plus a machine-readable code. */
  public record InvalidModelBody(String error, String field, String code) {}

  /** A file that is not an ONNX model we accept: 400, 413 (too large) or 422, naming why. */
  @Provider
  public static class InvalidModels implements ExceptionMapper<InvalidModelException> {
    @Override
    public Response toResponse(InvalidModelException e) {
      return Response.status(e.reason().httpStatus())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new InvalidModelBody(e.getMessage(), "file", e.code()))
          .build();
    }
  }

  @Provider
  public static class MissingModels implements ExceptionMapper<ModelRegistry.NotFoundException> {
    @Override
    public Response toResponse(ModelRegistry.NotFoundException e) {
      return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  @Provider
  public static class ModelConflicts implements ExceptionMapper<ModelRegistry.ConflictException> {
    @Override
    public Response toResponse(ModelRegistry.ConflictException e) {
      return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /** Moving {@code champion} outside the promotion workflow, among others: 403 saying why. */
  @Provider
  public static class ForbiddenModelChanges
      implements ExceptionMapper<ModelRegistry.ForbiddenException> {
    @Override
    public Response toResponse(ModelRegistry.ForbiddenException e) {
      return ErrorBody.response(Response.Status.FORBIDDEN, e.getMessage());
    }
  }

  @Provider
  public static class MissingTasks implements ExceptionMapper<ReviewInbox.NoSuchTaskException> {
    @Override
    public Response toResponse(ReviewInbox.NoSuchTaskException e) {
      return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** Four eyes: a requester reviewing their own promotion. */
  @Provider
  public static class SelfReviews implements ExceptionMapper<ReviewInbox.SelfReviewException> {
    @Override
    public Response toResponse(ReviewInbox.SelfReviewException e) {
      return ErrorBody.response(Response.Status.FORBIDDEN, e.getMessage());
    }
  }

  /** A task claimed by someone else, or not offered to any of the caller's roles. */
  @Provider
  public static class OthersTasks implements ExceptionMapper<ReviewInbox.NotYourTaskException> {
    @Override
    public Response toResponse(ReviewInbox.NotYourTaskException e) {
      return ErrorBody.response(Response.Status.FORBIDDEN, e.getMessage());
    }
  }

  /** A claim that came second. */
  @Provider
  public static class ClaimedTasks implements ExceptionMapper<ReviewInbox.TaskClaimedException> {
    @Override
    public Response toResponse(ReviewInbox.TaskClaimedException e) {
      return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /**
   * A step on a process that a timer or another caller kept changing through every retry of {@code
   * EngineConflicts}: 409, as nothing was written and trying again is the answer.
   */
  @Provider
  public static class ConcurrentProcessChanges
      implements ExceptionMapper<org.camunda.bpm.engine.OptimisticLockingException> {
    @Override
    public Response toResponse(org.camunda.bpm.engine.OptimisticLockingException e) {
      return ErrorBody.response(
          Response.Status.CONFLICT,
          "the process changed at the same moment (a timer or another reviewer); nothing was"
              + " written, try again");
    }
  }

  /** A second retraining of a model while one runs. */
  @Provider
  public static class RunningRetrainings
      implements ExceptionMapper<Retrainings.RetrainingRunningException> {
    @Override
    public Response toResponse(Retrainings.RetrainingRunningException e) {
      return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
  }
}
