package org.mlplatform.portal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.domain.monitoring.alerts.AlertTransitionException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertException;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;

/** Monitoring's refusals as API errors. */
public final class MonitoringErrorMappers {

  private MonitoringErrorMappers() {}

  @Provider
  public static class MissingAlerts implements ExceptionMapper<NoSuchAlertException> {
    @Override
    public Response toResponse(NoSuchAlertException e) {
      return ErrorBody.response(Response.Status.NOT_FOUND, "no such alert");
    }
  }

  @Provider
  public static class MissingAlertRules implements ExceptionMapper<NoSuchAlertRuleException> {
    @Override
    public Response toResponse(NoSuchAlertRuleException e) {
      return ErrorBody.response(Response.Status.NOT_FOUND, "no such alert rule");
    }
  }

  /** Acknowledging a resolved alert, or losing a race with another change: 409. */
  @Provider
  public static class AlertConflicts implements ExceptionMapper<AlertTransitionException> {
    @Override
    public Response toResponse(AlertTransitionException e) {
      return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
  }
}
