package org.mlplatform.domain.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.AuditVerification.Reason;

/**
 * Walks the audit chain record by record, in {@code seq} order, holding nothing but the last link:
 * a log of any length verifies in constant memory, whoever reads the records.
 *
 * <p>Each record must come at the next place (a gap means records were {@link Reason#DELETED}),
 * hash to what it stores ({@link Reason#EDITED} otherwise) and link to the hash of the record
 * before it ({@link Reason#INSERTED_OR_REORDERED} otherwise). At the end the chain must reach the
 * head the log keeps: a chain that stops short lost its newest records.
 */
public final class AuditChainVerifier {

  private final AuditChainHead head;
  private long expectedSeq = 1;
  private String expectedPrev = AuditHash.GENESIS;
  private long lastId = -1;
  private Broken broken;

  /**
   * @param head the head as read before the first record: records appended after it are not this
   *     verification's business
   */
  public AuditChainVerifier(AuditChainHead head) {
    this.head = Objects.requireNonNull(head, "head");
  }

  /** Verifies records already in {@code seq} order against the head. */
  public static AuditVerification verify(AuditChainHead head, Iterable<AuditRecord> records) {
    AuditChainVerifier verifier = new AuditChainVerifier(head);
    for (AuditRecord record : records) {
      if (verifier.check(record).isPresent()) {
        break;
      }
    }
    return verifier.finish();
  }

  /**
   * The break a record lying outside the chain makes: one with a place past the head that was read
   * after it (appenders move the head in the transaction that writes the record, so a record
   * written through the log is never past the head).
   */
  public static Broken outsideChain(long seq, long id, AuditChainHead head) {
    return new Broken(
        seq,
        OptionalLong.of(id),
        Reason.INSERTED_OR_REORDERED,
        "record "
            + seq
            + " lies past the end of the chain (record "
            + head.lastSeq()
            + "): it was written behind the audit log's back",
        head.lastSeq());
  }

  /**
   * Checks the next record.
   *
   * @return the break, once there is one (and for every record after it)
   */
  public Optional<Broken> check(AuditRecord record) {
    return check(record.seq(), record.id(), record, null);
  }

  /**
   * Checks the next row when it cannot even be read as a record (a blank actor, an unknown outcome:
   * values the log never writes). Unless its place is wrong, that is an edit.
   *
   * @param problem why it cannot be read
   */
  public Optional<Broken> checkUnreadable(long seq, long id, String problem) {
    return check(seq, id, null, problem);
  }

  private Optional<Broken> check(long seq, long id, AuditRecord record, String problem) {
    if (broken != null) {
      return Optional.of(broken);
    }
    if (seq > head.lastSeq()) {
      broken = outsideChain(seq, id, head);
    } else if (seq > expectedSeq) {
      broken =
          broken(
              seq,
              id,
              Reason.DELETED,
              (seq - expectedSeq == 1
                      ? "record " + expectedSeq + " is missing"
                      : "records " + expectedSeq + " to " + (seq - 1) + " are missing")
                  + " before record "
                  + seq
                  + ": deleted");
    } else if (seq < expectedSeq) {
      broken =
          broken(
              seq,
              id,
              Reason.INSERTED_OR_REORDERED,
              "record "
                  + seq
                  + " comes where record "
                  + expectedSeq
                  + " should: records were inserted or reordered");
    } else if (record == null) {
      broken =
          broken(
              seq,
              id,
              Reason.EDITED,
              "record "
                  + seq
                  + " holds values the log never writes ("
                  + problem
                  + ")"
                  + ": it was changed after it was written");
    } else if (!record.hashMatches()) {
      broken =
          broken(
              seq,
              id,
              Reason.EDITED,
              record.hash() == null
                  ? "record " + seq + " has no hash: it was changed after it was written"
                  : "record "
                      + seq
                      + "'s contents do not match its hash: it was changed after it was written");
    } else if (!expectedPrev.equals(record.prevHash())) {
      broken =
          broken(
              seq,
              id,
              Reason.INSERTED_OR_REORDERED,
              "record "
                  + seq
                  + " does not link to "
                  + (seq == 1 ? "the start of the chain" : "record " + (seq - 1))
                  + ": records were inserted, replaced or reordered");
    } else {
      expectedSeq = seq + 1;
      expectedPrev = record.hash();
      lastId = id;
    }
    return Optional.ofNullable(broken);
  }

  /** The verdict once every record up to the head has been checked. */
  public AuditVerification finish() {
    if (broken != null) {
      return broken;
    }
    long checked = expectedSeq - 1;
    if (checked < head.lastSeq()) {
      return new Broken(
          expectedSeq,
          OptionalLong.empty(),
          Reason.DELETED,
          (head.lastSeq() == expectedSeq
                  ? "record " + expectedSeq + ", the newest, is missing"
                  : "records "
                      + expectedSeq
                      + " to "
                      + head.lastSeq()
                      + ", the newest, are missing")
              + ": deleted",
          checked);
    }
    if (!expectedPrev.equals(head.lastHash())) {
      return new Broken(
          checked,
          checked == 0 ? OptionalLong.empty() : OptionalLong.of(lastId),
          Reason.EDITED,
          "the chain ends in another hash than the one recorded when record "
              + checked
              + " was written: records were rewritten",
          Math.max(0, checked - 1));
    }
    return new AuditVerification.Intact(checked, expectedPrev);
  }

  private Broken broken(long seq, long id, Reason reason, String detail) {
    return new Broken(seq, OptionalLong.of(id), reason, detail, expectedSeq - 1);
  }
}
