package org.mlplatform.workflows;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a user's step on a running process again when the engine refused it because a timer or
 * another caller changed that process at the same moment (Camunda's optimistic locking). A reviewer
 * who approves in the very second a reminder fires would otherwise be told "refused" for nothing.
 *
 * <p>Each attempt must be a transaction of its own: inside one JTA transaction the first conflict
 * has already marked it for rollback, so call this from outside the transactional service.
 */
public final class EngineConflicts {

  /** Enough for a reminder and an escalation firing together; a real deadlock still surfaces. */
  static final int ATTEMPTS = 5;

  private static final long FIRST_BACKOFF_MILLIS = 20;

  private EngineConflicts() {}

  /** The action's result, after at most {@value #ATTEMPTS} attempts; other failures at once. */
  public static <T> T retried(Supplier<T> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether the failure, or any of its causes, is the engine's concurrent-change refusal. */
  public static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    long base = FIRST_BACKOFF_MILLIS << (attempt - 1);
    try {
      // Jitter, so two callers that collided do not collide again in step.
      Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a conflicting step", e);
    }
  }
}
