package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.monitoring.Distribution;
import org.mlplatform.portal.monitoring.ModelMonitoring;
import org.mlplatform.portal.monitoring.MonitoringPolicies;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/models/{name}/monitoring}: the model's monitoring policy, its snapshot history,
 * one column's distributions, and a snapshot taken now (which also runs its alert rules).
 */
@Path("models/{name}/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelMonitoringResource {

  @Inject private ModelMonitoring monitoring;
  @Inject private MonitoringPolicies policies;
  @Context private HttpServletRequest request;

  @GET
  @Path("history")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Map<String, Object>> history(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    ResourceName model = MonitoringWindows.model(name);
    MonitoringWindows window =
        MonitoringWindows.of(from, to, null, monitoring.policy(model), Instant.now());
    return monitoring.history(model, window.from(), window.to()).stream()
        .map(MonitoringJson::snapshot)
        .toList();
  }

  @GET
  @Path("distribution")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Distribution distribution(
      @PathParam("name") String name,
      @QueryParam("column") String column,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("version") Integer version) {
    ResourceName model = MonitoringWindows.model(name);
    MonitoringWindows window =
        MonitoringWindows.of(from, to, version, monitoring.policy(model), Instant.now());
    return monitoring.distribution(
        model, window.version(), column == null ? "" : column, window.from(), window.to());
  }

  @POST
  @Path("snapshots")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> snapshot(@PathParam("name") String name) {
    return MonitoringJson.snapshot(
        monitoring.snapshotNow(
            MonitoringWindows.model(name),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request)));
  }

  @GET
  @Path("policy")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> policy(@PathParam("name") String name) {
    MonitoringPolicies.Current current = policies.current(MonitoringWindows.model(name));
    return MonitoringJson.policy(current.policy(), current.saved());
  }

  /** Replaces the policy; a field left out takes its default. */
  @PUT
  @Path("policy")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> savePolicy(
      @PathParam("name") String name, MonitoringPolicies.Terms body) {
    return MonitoringJson.policy(
        policies.save(
            MonitoringWindows.model(name),
            RequestBodies.required(body),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request)),
        true);
  }
}
