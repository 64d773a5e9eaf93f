package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.workflows.ReviewTask;

/** {@code GET /api/v1/tasks}: the open human tasks the caller's roles may work. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject private PlatformStartup platform;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<ReviewTask> openTasks() {
    PlatformUser user = AuthenticatedRequest.userOf(request).orElseThrow();
    return platform
        .workflows()
        .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"))
        .openTasksForGroups(user.roleNames());
  }
}
