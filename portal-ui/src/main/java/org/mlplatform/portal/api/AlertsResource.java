package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.alerts.AlertStatus;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/alerts}: what the rules found, newest first, filtered by {@code model} and {@code
 * status} (open, acknowledged, resolved); {@code POST {id}/acknowledge} and {@code {id}/resolve}
 * move an alert on, 409 when it already moved past that.
 */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

  static final int MAX_LIMIT = 1_000;

  @Inject private MonitoringAlerts alerts;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Map<String, Object>> list(
      @QueryParam("model") String model,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new DomainValidationException("limit", "limit is 1 to " + MAX_LIMIT);
    }
    Optional<AlertStatus> wanted =
        status == null || status.isBlank()
            ? Optional.empty()
            : Optional.of(AlertStatus.fromKey(status.strip()));
    return alerts
        .alerts(Optional.ofNullable(model).filter(m -> !m.isBlank()), wanted, size)
        .stream()
        .map(MonitoringJson::alert)
        .toList();
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> get(@PathParam("id") String id) {
    return MonitoringJson.alert(alerts.alert(id(id)));
  }

  @POST
  @Path("{id}/acknowledge")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> acknowledge(@PathParam("id") String id) {
    return MonitoringJson.alert(
        alerts.acknowledge(
            id(id), AuthenticatedRequest.userOf(request).orElseThrow(), Origin.of(request)));
  }

  @POST
  @Path("{id}/resolve")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> resolve(@PathParam("id") String id) {
    return MonitoringJson.alert(
        alerts.resolve(
            id(id), AuthenticatedRequest.userOf(request).orElseThrow(), Origin.of(request)));
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NoSuchAlertException(new UUID(0, 0));
    }
  }
}
