package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.monitoring.GroundTruthIntake;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code POST /api/v1/models/{name}/feedback}: ground truth for logged predictions, {@code
 * {"feedback": [{"predictionId": "...", "label": "fraud"} | {"predictionId": "...", "value": 12.5},
 * ...]}}, with {@code "row"} for a prediction logged with several rows. Answers how many were new
 * and how many name a prediction already in the log.
 */
@Path("models/{name}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  @Inject private GroundTruthIntake intake;
  @Context private HttpServletRequest request;

  public record FeedbackBody(List<GroundTruthIntake.Item> feedback) {}

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> post(@PathParam("name") String name, FeedbackBody body) {
    GroundTruthIntake.Receipt receipt =
        intake.receive(
            MonitoringWindows.model(name),
            RequestBodies.required(body).feedback(),
            AuthenticatedRequest.userOf(request).orElseThrow(),
            Origin.of(request));
    return Map.of(
        "received", receipt.received(), "added", receipt.added(), "matched", receipt.matched());
  }
}
