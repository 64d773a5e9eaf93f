package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.monitoring.AlertRuleInput;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/alert-rules}: thresholds on a model's monitoring, evaluated with each snapshot.
 * {@code {"model", "feature", "metric", "comparison", "threshold", "severity", "startsRetraining",
 * "enabled"}}; {@code feature} only for the metrics about one column.
 */
@Path("alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRulesResource {

  @Inject private MonitoringAlerts alerts;
  @Context private HttpServletRequest request;

  /** A rule as sent; {@code enabled} is true and {@code startsRetraining} false unless given. */
  public record RuleBody(
      String model,
      String feature,
      String metric,
      String comparison,
      Double threshold,
      String severity,
      Boolean startsRetraining,
      Boolean enabled) {

    AlertRuleInput input() {
      if (threshold == null) {
        throw new DomainValidationException("threshold", "a rule needs a threshold");
      }
      return new AlertRuleInput(
          model,
          feature == null || feature.isBlank() ? Optional.empty() : Optional.of(feature),
          metric,
          comparison,
          threshold,
          severity == null ? "warning" : severity,
          Boolean.TRUE.equals(startsRetraining),
          !Boolean.FALSE.equals(enabled));
    }
  }

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Map<String, Object>> list(@QueryParam("model") String model) {
    return alerts.rules(Optional.ofNullable(model).filter(m -> !m.isBlank())).stream()
        .map(MonitoringJson::rule)
        .toList();
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> get(@PathParam("id") String id) {
    return MonitoringJson.rule(alerts.rule(id(id)));
  }

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(RuleBody body) {
    AlertRule rule =
        alerts.createRule(
            RequestBodies.required(body).input(),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request));
    return Response.status(Response.Status.CREATED).entity(MonitoringJson.rule(rule)).build();
  }

  @PUT
  @Path("{id}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> update(@PathParam("id") String id, RuleBody body) {
    UUID ruleId = id(id);
    AlertRule stored = alerts.rule(ruleId);
    RuleBody given = RequestBodies.required(body);
    RuleBody complete =
        new RuleBody(
            stored.model(),
            given.feature(),
            given.metric(),
            given.comparison(),
            given.threshold(),
            given.severity(),
            given.startsRetraining(),
            given.enabled());
    return MonitoringJson.rule(
        alerts.updateRule(
            ruleId,
            complete.input(),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request)));
  }

  @DELETE
  @Path("{id}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("id") String id) {
    alerts.deleteRule(
        id(id), AuthenticatedRequest.userOf(request).orElseThrow(), Origin.of(request));
    return Response.noContent().build();
  }

  /** A rule id; anything that is not a UUID names no rule (404). */
  static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NoSuchAlertRuleException(new UUID(0, 0));
    }
  }
}
