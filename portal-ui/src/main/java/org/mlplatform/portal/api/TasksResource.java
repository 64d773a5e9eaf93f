package org.mlplatform.portal.api;

import static org.mlplatform.workflows.EngineConflicts.retried;

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
import org.mlplatform.workflows.PromotionDecision;
import org.mlplatform.workflows.ReviewInbox;
import org.mlplatform.workflows.ReviewTask;
import org.mlplatform.workflows.WorkflowEngine;

/**
 * {@code /api/v1/tasks}: the open human tasks the caller may work (their own and their roles'),
 * claiming, and completing. Four eyes and claims are enforced in the engine: the requester of a
 * promotion, or anyone but the person who claimed a task, gets 403.
 */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject private PlatformStartup platform;
  @Inject private ModelPromotions promotions;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<ReviewTask> openTasks() {
    PlatformUser user = caller();
    return engine().inbox().openTasks(user.username(), user.roleNames());
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public ReviewTask task(@PathParam("id") String id) {
    return engine().inbox().task(id).orElseThrow(() -> new ReviewInbox.NoSuchTaskException(id));
  }

  @POST
  @Path("{id}/claim")
  @Allow({ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public ReviewTask claim(@PathParam("id") String id) {
    return retried(() -> promotions.claim(id, caller(), Origin.of(request)));
  }

  @POST
  @Path("{id}/unclaim")
  @Allow({ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public ReviewTask unclaim(@PathParam("id") String id) {
    return retried(() -> promotions.unclaim(id, caller(), Origin.of(request)));
  }

  /** A reviewer's decision: {@code {"decision": "approve" | "reject", "comment": "..."}}. */
  public record Decision(String decision, String comment) {}

  /** Completes a review task with a mandatory comment; an approval moves the alias. */
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
        retried(
            () ->
                promotions.decide(
                    id,
                    decision.decision().equals("approve"),
                    decision.comment(),
                    caller(),
                    Origin.of(request)));
    return Map.of(
        "processInstanceId", done.processInstanceId(),
        "model", done.model(),
        "version", done.version(),
        "alias", done.alias(),
        "approved", done.approved());
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }

  private WorkflowEngine engine() {
    return platform
        .workflows()
        .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"));
  }
}
