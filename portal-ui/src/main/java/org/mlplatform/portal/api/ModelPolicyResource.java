package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelPolicies;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/models/{name}/policy}: the model's governance policy, which the promotion
 * workflow's metrics check and the retraining process read. A model nobody set a policy for answers
 * its defaults with {@code "saved": false}.
 */
@Path("models/{name}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelPolicyResource {

  @Inject private ModelPolicies policies;
  @Context private HttpServletRequest request;

  /**
   * The body of a PUT. It replaces the whole policy: a field left out (or null) takes its default.
   *
   * @param retrainingEvery an ISO-8601 duration ({@code P7D}, {@code PT12H}); null for no schedule
   * @param metricTolerances tolerances for single metrics, by metric name
   */
  public record PolicyBody(
      Double metricTolerance,
      Double retrainingMargin,
      String retrainingEvery,
      Map<String, Double> metricTolerances) {

    ModelPolicies.Terms terms() {
      return new ModelPolicies.Terms(
          Objects.requireNonNullElse(metricTolerance, ModelPolicy.DEFAULT_METRIC_TOLERANCE),
          Objects.requireNonNullElse(retrainingMargin, ModelPolicy.DEFAULT_RETRAINING_MARGIN),
          ModelPolicy.parseRetrainingEvery(retrainingEvery),
          metricTolerances);
    }
  }

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> get(@PathParam("name") String name) {
    ModelPolicies.Current current = policies.current(model(name));
    return json(current.policy(), current.saved());
  }

  /** Replaces the model's policy; 400 naming the field for a value out of range. */
  @PUT
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> put(@PathParam("name") String name, PolicyBody body) {
    ResourceName model = model(name);
    ModelPolicies.Terms terms = RequestBodies.required(body).terms();
    ModelPolicy saved =
        policies.save(
            model, terms, AuthenticatedRequest.userOf(request).orElseThrow(), Origin.of(request));
    return json(saved, true);
  }

  /**
   * {@code {"model", "saved", "metricTolerance", "retrainingMargin", "retrainingEvery",
   * "metricTolerances", "updatedBy", "updatedAt"}}; the last two are null while nobody saved one.
   */
  static Map<String, Object> json(ModelPolicy policy, boolean saved) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", policy.model().value());
    json.put("saved", saved);
    json.put("metricTolerance", policy.metricTolerance());
    json.put("retrainingMargin", policy.retrainingMargin());
    json.put(
        "retrainingEvery",
        policy.retrainingEvery().map(ModelPolicy::formatRetrainingEvery).orElse(null));
    json.put("metricTolerances", policy.metricTolerances());
    json.put("updatedBy", saved ? policy.updatedBy() : null);
    json.put("updatedAt", saved ? policy.updatedAt().toString() : null);
    return json;
  }

  private static ResourceName model(String name) {
    return ResourceName.of("name", name);
  }
}
