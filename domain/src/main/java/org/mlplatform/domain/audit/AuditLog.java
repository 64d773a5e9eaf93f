package org.mlplatform.domain.audit;

import java.util.List;

/** The append-only store of audit records. */
public interface AuditLog {

  /** Appends one record; it can never be changed afterwards. */
  void append(AuditEntry entry);

  /** The newest records first, at most {@code limit} of them. */
  List<AuditEntry> latest(int limit);

  /** How many records the log holds. */
  long count();

  /** The newest successful records of one action on one target, newest first. */
  List<AuditEntry> latestSuccesses(String action, String target, int limit);
}
