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
 * {@code GET /api/v1/models/{name}/drift?from=&to=&version=}: drift and data quality of each
 * feature and of the prediction over the window, against the version's baseline, with the traffic
 * of the window.
 */
@Path("models/{name}/drift")
@Produces(MediaType.APPLICATION_JSON)
public class ModelDriftResource {

  @Inject private ModelMonitoring monitoring;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> drift(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("version") Integer version) {
    return MonitoringJson.drift(MonitoringWindows.report(monitoring, name, from, to, version));
  }
}
