package org.mlplatform.domain.audit;

import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only store of audit records, kept as a hash chain ({@link AuditHash}): each record
 * carries its place ({@code seq}), the hash of the record before it and its own hash, so that
 * {@link #verify()} finds any record changed, deleted or slipped in behind the log's back.
 */
public interface AuditLog {

  /**
   * Appends one record at the end of the chain; it can never be changed afterwards. Appends are
   * serialised: concurrent appenders form one chain, in the order they commit.
   */
  void append(AuditEntry entry);

  /** The newest records first, at most {@code limit} of them. */
  List<AuditEntry> latest(int limit);

  /** How many records the log holds. */
  long count();

  /** The newest successful records of one action on one target, newest first. */
  List<AuditEntry> latestSuccesses(String action, String target, int limit);

  /**
   * One page of the records that pass {@code filter}, newest (highest {@code seq}) first.
   *
   * @param offset how many matching records to skip
   * @param limit at most this many, at least 1
   */
  List<AuditRecord> find(AuditFilter filter, long offset, int limit);

  /** How many records pass {@code filter}. */
  long count(AuditFilter filter);

  /**
   * Hands every record that passes {@code filter} to {@code sink}, newest first, skipping {@code
   * offset} and stopping after {@code limit}, reading a bounded number at a time: for exports of
   * any size. The sink runs inside the read; what it throws ends the read.
   */
  void forEach(AuditFilter filter, long offset, long limit, Consumer<? super AuditRecord> sink);

  /**
   * Checks the whole chain in {@code seq} order, in bounded memory: intact with the number of
   * records, or the first place where it breaks and why.
   */
  AuditVerification verify();
}
