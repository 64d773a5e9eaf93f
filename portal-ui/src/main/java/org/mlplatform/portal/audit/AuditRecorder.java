package org.mlplatform.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.RequestIds;

/** Builds audit records from a request's context and appends them to the audit log. */
@ApplicationScoped
public class AuditRecorder {

  @Inject private AuditLog log;

  private final Clock clock = Clock.systemUTC();

  /** Where an action came from: the request id and client address an audit record carries. */
  public record Origin(String requestId, String clientAddress) {

    public static Origin of(HttpServletRequest request) {
      return new Origin(RequestIds.of(request), request.getRemoteAddr());
    }
  }

  public void record(
      PlatformUser actor,
      String action,
      String target,
      String summary,
      Outcome outcome,
      Origin origin) {
    record(actor, action, target, summary, outcome, origin.requestId(), origin.clientAddress());
  }

  public void record(
      PlatformUser actor,
      String action,
      String target,
      String summary,
      Outcome outcome,
      HttpServletRequest request) {
    record(
        actor, action, target, summary, outcome, RequestIds.of(request), request.getRemoteAddr());
  }

  /** For actions that do not come from an API request (portal actions, workflow steps). */
  public void record(
      PlatformUser actor,
      String action,
      String target,
      String summary,
      Outcome outcome,
      String requestId,
      String clientAddress) {
    log.append(
        new AuditEntry(
            Instant.now(clock),
            actor.username(),
            actor.roleNames(),
            action,
            target,
            summary,
            outcome,
            requestId,
            clientAddress));
    AuditedCalls.noted(outcome);
  }
}
