package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.portal.serving.batch.BatchFiles;
import org.mlplatform.portal.serving.batch.BatchPrediction;
import org.mlplatform.portal.serving.batch.BatchPredictions;
import org.mlplatform.portal.serving.batch.UploadTooLargeException;

/**
 * {@code /api/v1/batch-predictions}: a model version run over a training set or an uploaded CSV as
 * a job. {@code POST} answers 202 with the batch (its id is also its job's id); {@code GET /{id}}
 * follows it; {@code GET /{id}/result} downloads the result CSV once it has succeeded (409 before).
 */
@Path("batch-predictions")
@Produces(MediaType.APPLICATION_JSON)
public class BatchPredictionsResource {

  /** The JSON request: a model reference ({@code fraud}, {@code fraud:3}, {@code fraud@live}). */
  public record StartRequest(String model, String trainingSetId) {}

  @Inject private BatchPredictions batches;
  @Inject private BatchFiles files;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<BatchPrediction> list(@QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 500) {
      throw new DomainValidationException("limit", "limit is 1 to 500");
    }
    return batches.recent(limit);
  }

  /** Runs a model over a READY training set. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response start(StartRequest body) {
    StartRequest json = RequestBodies.required(body);
    return accepted(
        batches.onTrainingSet(json.model(), json.trainingSetId(), caller(), Origin.of(request)));
  }

  /**
   * Runs a model ({@code ?model=}) over the CSV body: a header, feature columns named {@code
   * view__feature} or {@code view:feature}, and any other columns, which are copied through.
   */
  @POST
  @Consumes("text/csv")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response startOnCsv(
      @QueryParam("model") String model, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    try {
      return accepted(
          batches.onUpload(model, body, headers.getLength(), caller(), Origin.of(request)));
    } catch (UploadTooLargeException e) {
      return ErrorBody.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), "csv");
    }
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response get(@PathParam("id") String id) {
    return batches.find(id).map(b -> Response.ok(b).build()).orElseGet(() -> unknown(id));
  }

  /**
   * The result CSV, streamed from its file: 404 for an unknown batch, 409 until it succeeded.
   * Spreadsheet-safe unless {@code ?raw=true} (see {@link CsvDownload}): copied input columns are
   * whatever the uploader wrote.
   */
  @GET
  @Path("{id}/result")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response result(@PathParam("id") String id, @QueryParam("raw") String rawParameter) {
    boolean raw = CsvDownload.raw(rawParameter);
    BatchPrediction batch = batches.find(id).orElse(null);
    if (batch == null) {
      return unknown(id);
    }
    if (!batch.succeeded()) {
      return ErrorBody.response(
          Response.Status.CONFLICT,
          "batch prediction "
              + id
              + " is "
              + batch.state()
              + (batch.error() == null ? "" : ": " + batch.error())
              + (batch.running() ? "; its result downloads once it has succeeded" : ""));
    }
    if (!files.hasResult(id)) {
      return ErrorBody.response(
          Response.Status.NOT_FOUND, "the result file of batch prediction " + id + " is gone");
    }
    return CsvDownload.response(() -> files.openResult(id), raw, "batch-prediction-" + id + ".csv")
        .build();
  }

  private static Response accepted(BatchPrediction batch) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", batch.id());
    answer.put("jobId", batch.jobId());
    answer.put("state", batch.state());
    answer.put("model", batch.model());
    answer.put("version", batch.version());
    return Response.accepted(answer)
        .location(URI.create("batch-predictions/" + batch.id()))
        .build();
  }

  private static Response unknown(String id) {
    return ErrorBody.response(Response.Status.NOT_FOUND, "no batch prediction " + id);
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
