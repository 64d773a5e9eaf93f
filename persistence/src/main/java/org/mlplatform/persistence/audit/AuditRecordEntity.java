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
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.Outcome;

/** Row of the append-only {@code audit_record} table. Never updated once written. */
@Entity
@Table(name = "audit_record")
class AuditRecordEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

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

  static AuditRecordEntity from(AuditEntry entry) {
    AuditRecordEntity e = new AuditRecordEntity();
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

  AuditEntry toEntry() {
    List<String> roles = actorRoles.isEmpty() ? List.of() : Arrays.asList(actorRoles.split(","));
    return new AuditEntry(
        occurredAt, actor, roles, action, target, summary, outcome, requestId, clientAddress);
  }
}
