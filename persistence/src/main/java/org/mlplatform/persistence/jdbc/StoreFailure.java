package org.mlplatform.persistence.jdbc;

import java.sql.SQLException;

/**
 * How a store reports a failed SQL call: every store says the same ("what failed: why"), but each
 * in the exception type of its own domain port, so the store passes that type's constructor.
 */
@FunctionalInterface
public interface StoreFailure<X extends RuntimeException> {

  X create(String message, Throwable cause);

  /**
   * "{@code what} failed: " and the driver's message, with the cause a batch hides behind its first
   * exception (the first only says the batch was aborted).
   */
  default X of(String what, SQLException e) {
    SQLException next = e.getNextException();
    String detail = e.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
    return create(what + " failed: " + detail, e);
  }
}
