package org.mlplatform.domain.audit;

import java.util.Objects;
import java.util.OptionalLong;

/** What verifying the audit chain found: intact, or the first record where it breaks and why. */
public sealed interface AuditVerification {

  /** Whether every record is as it was written, none is missing and none was added. */
  boolean intact();

  /**
   * Every record checked out.
   *
   * @param records how many records the chain holds
   * @param lastHash the newest record's hash: kept somewhere else, it lets a later verification
   *     show that the chain was not rewritten from an earlier point on
   */
  record Intact(long records, String lastHash) implements AuditVerification {
    @Override
    public boolean intact() {
      return true;
    }
  }

  /**
   * The chain breaks at {@code seq}.
   *
   * @param seq the place where it breaks: the changed record, the record after a gap, or the first
   *     missing place when the newest records are gone
   * @param id the row there, if there is one
   * @param reason what kind of break
   * @param detail one sentence for a person
   * @param intactBefore how many records before it checked out
   */
  record Broken(long seq, OptionalLong id, Reason reason, String detail, long intactBefore)
      implements AuditVerification {

    public Broken {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean intact() {
      return false;
    }
  }

  /** The kinds of break. */
  enum Reason {
    /** A record's hash does not match its contents: a field was changed after it was written. */
    EDITED,
    /** A place in the chain has no record: records were deleted. */
    DELETED,
    /**
     * A record does not link to the one before it, or lies outside the chain: a record was
     * inserted, or records were reordered.
     */
    INSERTED_OR_REORDERED
  }
}
