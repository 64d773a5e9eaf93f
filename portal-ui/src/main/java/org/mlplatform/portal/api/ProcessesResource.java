package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.workflows.ProcessHistory;
import org.mlplatform.workflows.WorkflowEngine;

/**
 * {@code /api/v1/processes}: promotion and rollback processes with their history from Camunda:
 * every step with its times and assignee, where the process waits, and its variables (checks,
 * decision, comment, canary verdict, outcome).
 */
@Path("processes")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessesResource {

  private static final int MAX_LIMIT = 200;

  @Inject private PlatformStartup platform;

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public ProcessHistory process(@PathParam("id") String id) {
    return engine()
        .histories()
        .history(id)
        .orElseThrow(() -> new NotFoundException("no process instance " + id));
  }

  /** A model's processes, newest first. */
  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<ProcessHistory> processes(
      @QueryParam("model") String model, @QueryParam("limit") @DefaultValue("20") int limit) {
    if (model == null) {
      throw new DomainValidationException("model", "is required");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DomainValidationException("limit", "between 1 and " + MAX_LIMIT);
    }
    return engine().histories().processesOf(ResourceName.of("model", model).value(), limit);
  }

  private WorkflowEngine engine() {
    return platform
        .workflows()
        .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"));
  }
}
