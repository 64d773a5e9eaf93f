package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.mlplatform.portal.monitoring.ModelMonitoring;

/**
 * {@code GET /api/v1/models/{name}/performance?from=&to=&version=}: the version's metrics on the
 * window's predictions that have ground truth, beside its held-out metrics.
 */
@Path("models/{name}/performance")
@Produces(MediaType.APPLICATION_JSON)
public class ModelPerformanceResource {

  @Inject private ModelMonitoring monitoring;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> performance(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("version") Integer version) {
    return MonitoringJson.performance(
        MonitoringWindows.report(monitoring, name, from, to, version));
  }
}
