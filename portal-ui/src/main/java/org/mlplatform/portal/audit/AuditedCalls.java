package org.mlplatform.portal.audit;

import java.util.Optional;
import org.mlplatform.domain.audit.Outcome;

/**
 * What the current API call has written to the audit trail so far, kept on its thread between the
 * JAX-RS filter that opens the call and the one that closes it. The closing filter writes a record
 * only for a call that recorded nothing that still stands: every mutating call leaves one.
 */
public final class AuditedCalls {

  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

  private AuditedCalls() {}

  /** Starts watching the calling thread's API call. */
  public static void begin() {
    CURRENT.set(new Call());
  }

  /** Called for every record written; counts only on a thread whose call is watched. */
  static void noted(Outcome outcome) {
    Call call = CURRENT.get();
    if (call != null) {
      call.last = outcome;
    }
  }

  /** The outcome of the last record the call wrote, if any; stops watching. */
  public static Optional<Outcome> end() {
    Call call = CURRENT.get();
    CURRENT.remove();
    return call == null ? Optional.empty() : Optional.ofNullable(call.last);
  }

  private static final class Call {
    private Outcome last;
  }
}
