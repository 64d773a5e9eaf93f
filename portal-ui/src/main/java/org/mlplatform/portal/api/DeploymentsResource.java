package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.TrafficWindow;
import org.mlplatform.serving.engine.VersionLoadException;

/**
 * {@code /api/v1/deployments}: which models are served through which alias, with canary, shadow,
 * batching and cache; their live status, traffic and logged predictions.
 */
@Path("deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {

  @Inject private DeploymentService deployments;
  @Inject private ServingRuntime runtime;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<DeploymentJson> list() {
    return deployments.all().stream().map(this::json).toList();
  }

  @GET
  @Path("{model}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public DeploymentJson get(@PathParam("model") String model) {
    return json(found(model));
  }

  /** Creates or changes a deployment; 422 (and nothing changed) when a version will not load. */
  @PUT
  @Path("{model}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public DeploymentJson put(@PathParam("model") String model, DeploymentJson.Spec body)
      throws VersionLoadException {
    DeploymentJson.Spec spec = RequestBodies.required(body);
    Deployment deployment =
        spec.toDeployment(
            ResourceName.of("model", model),
            AuthenticatedRequest.userOf(request).orElseThrow().username(),
            Instant.now());
    deployments.deploy(
        deployment, AuthenticatedRequest.userOf(request).orElseThrow(), Origin.of(request));
    return json(deployment);
  }

  @DELETE
  @Path("{model}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("model") String model) {
    deployments.remove(
        ResourceName.of("model", model),
        AuthenticatedRequest.userOf(request).orElseThrow(),
        Origin.of(request));
    return Response.noContent().build();
  }

  /** Requests, errors and latency percentiles per second, oldest first. */
  @GET
  @Path("{model}/traffic")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<TrafficWindow.Point> traffic(
      @PathParam("model") String model, @QueryParam("seconds") @DefaultValue("60") int seconds) {
    if (seconds < 1 || seconds > 299) {
      throw new DomainValidationException("seconds", "between 1 and 299");
    }
    Deployment deployment = found(model);
    return runtime
        .engine()
        .traffic(deployment.model())
        .map(t -> t.recent(seconds))
        .orElse(List.of());
  }

  /** The latest logged predictions, newest first. */
  @GET
  @Path("{model}/predictions")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> predictions(
      @PathParam("model") String model, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1_000) {
      throw new DomainValidationException("limit", "between 1 and 1000");
    }
    Deployment deployment = found(model);
    List<PredictionRecord> recent = runtime.logStore().recent(deployment.model().value(), limit);
    return Map.of(
        "total", runtime.logStore().count(deployment.model().value()),
        "dropped", runtime.log().dropped(),
        "predictions", recent);
  }

  private Deployment found(String model) {
    ResourceName name = ResourceName.of("model", model);
    return deployments
        .find(name)
        .orElseThrow(
            () -> new ModelRegistry.NotFoundException("model " + name + " is not deployed"));
  }

  private DeploymentJson json(Deployment deployment) {
    DeploymentStatus status = deployments.status(deployment.model()).orElse(null);
    return DeploymentJson.of(deployment, status);
  }
}
