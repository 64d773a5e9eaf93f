package org.mlplatform.domain.audit;

import java.util.Objects;

/**
 * An audit entry as the log keeps it: its place in the hash chain, the hash of the record before it
 * and its own hash ({@link AuditHash}).
 *
 * @param seq its place in the chain: 1, 2, 3, ... without gaps
 * @param id the database's row id (not part of the chain: {@code seq} is the record's identity)
 * @param prevHash the previous record's hash ({@link AuditHash#GENESIS} for the first); null only
 *     for a record that has been tampered with or not sealed yet
 * @param hash this record's hash as stored; null only as for {@code prevHash}
 */
public record AuditRecord(long seq, long id, AuditEntry entry, String prevHash, String hash) {

  public AuditRecord {
    Objects.requireNonNull(entry, "entry");
  }

  /** Whether the stored hash is the one its contents and link give. */
  public boolean hashMatches() {
    return hash != null && hash.equals(AuditHash.of(seq, entry, prevHash));
  }
}
