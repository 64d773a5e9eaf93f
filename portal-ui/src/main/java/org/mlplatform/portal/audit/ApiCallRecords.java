package org.mlplatform.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.security.PlatformUser;

/**
 * The audit record of a mutating API call that its service did not record itself: a call refused by
 * the role check (DENIED), one that failed validation or lookup (FAILED, after its own transaction
 * rolled back), or a successful one without a record of its own. Written in a transaction of its
 * own, since the call's is over (or rolled back) by then.
 */
@ApplicationScoped
public class ApiCallRecords {

  @Inject private AuditRecorder recorder;

  /**
   * Whether the call still needs a record: a success the service recorded needs none, nor a failure
   * the service recorded as such (a success it recorded was rolled back with the call).
   */
  public static Optional<Outcome> needed(int status, Optional<Outcome> recorded) {
    if (status < 400) {
      return recorded.isPresent() ? Optional.empty() : Optional.of(Outcome.SUCCESS);
    }
    if (recorded.filter(o -> o != Outcome.SUCCESS).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(status == 401 || status == 403 ? Outcome.DENIED : Outcome.FAILED);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(
      PlatformUser actor,
      String action,
      String target,
      String summary,
      Outcome outcome,
      AuditRecorder.Origin origin) {
    recorder.record(actor, action, target, summary, outcome, origin);
  }
}
