package org.mlplatform.domain.audit;

/**
 * The end of the chain as the log records it beside the records: the newest record's place and
 * hash. Appenders lock it, so appends form one chain; verification checks that the records reach
 * it, which is how a deleted newest record is found.
 *
 * @param lastSeq the newest record's place (0 when the log is empty)
 * @param lastHash the newest record's hash ({@link AuditHash#GENESIS} when the log is empty)
 */
public record AuditChainHead(long lastSeq, String lastHash) {

  /** The head of an empty log. */
  public static final AuditChainHead EMPTY = new AuditChainHead(0, AuditHash.GENESIS);

  public AuditChainHead {
    if (lastSeq < 0) {
      throw new IllegalArgumentException("lastSeq must not be negative");
    }
  }

  /** The head after appending a record with this hash. */
  public AuditChainHead next(String hash) {
    return new AuditChainHead(lastSeq + 1, hash);
  }
}
