package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.workflows.ReviewTask;
import org.mlplatform.workflows.WorkflowEngine.PromotionDecision;

/** {@code GET /api/v1/tasks}: the open human tasks the caller's roles may work. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject private PlatformStartup platform;
  @Inject private ModelPromotions promotions;
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

  /** A reviewer's decision: {@code {"decision": "approve" | "reject", "comment": "..."}}. */
  public record Decision(String decision, String comment) {}

  /**
   * Completes a review task; whoever asked for the promotion cannot complete it (403). An approval
   * moves the alias.
   */
  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> complete(@PathParam("id") String id, Decision body) {
    Decision decision = RequestBodies.required(body);
    if (!"approve".equals(decision.decision()) && !"reject".equals(decision.decision())) {
      throw new DomainValidationException("decision", "approve or reject");
    }
    PromotionDecision done =
        promotions.decide(
            id,
            decision.decision().equals("approve"),
            decision.comment(),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request));
    return Map.of(
        "processInstanceId", done.processInstanceId(),
        "model", done.model(),
        "version", done.version(),
        "alias", done.alias(),
        "approved", done.approved());
  }
}
