package org.mlplatform.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.Outcome;

/**
 * Row of the append-only {@code audit_record} table, for writing: {@link JpaAuditLog} reads
 * columns, not entities. Never updated once written (the one exception: sealing the records from
 * before the chain, which {@link JpaAuditLog} does in SQL).
 */
@Entity
@Table(name = "audit_record")
class AuditRecordEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, unique = true)
  private long seq;

  @Column(name = "prev_hash", length = 64, updatable = false)
  private String prevHash;

  @Column(length = 64, updatable = false)
  private String hash;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "actor_roles", nullable = false, updatable = false)
  private String actorRoles;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(updatable = false)
  private String target;

  @Column(updatable = false)
  private String summary;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Outcome outcome;

  @Column(name = "request_id", updatable = false)
  private String requestId;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  protected AuditRecordEntity() {}

  static AuditRecordEntity from(long seq, AuditEntry entry, String prevHash, String hash) {
    AuditRecordEntity e = new AuditRecordEntity();
    e.seq = seq;
    e.prevHash = prevHash;
    e.hash = hash;
    e.occurredAt = entry.occurredAt();
    e.actor = entry.actor();
    e.actorRoles = String.join(",", entry.actorRoles());
    e.action = entry.action();
    e.target = entry.target();
    e.summary = entry.summary();
    e.outcome = entry.outcome();
    e.requestId = entry.requestId();
    e.clientAddress = entry.clientAddress();
    return e;
  }
}
