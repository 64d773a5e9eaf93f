package org.mlplatform.portal.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification;

/**
 * An audit record as the API shows it: the entry's fields as before the hash chain, plus its place
 * and hashes.
 */
public record AuditJson(
    long seq,
    long id,
    Instant occurredAt,
    String actor,
    List<String> actorRoles,
    String action,
    String target,
    String summary,
    String outcome,
    String requestId,
    String clientAddress,
    String prevHash,
    String hash) {

  static AuditJson of(AuditRecord record) {
    AuditEntry e = record.entry();
    return new AuditJson(
        record.seq(),
        record.id(),
        e.occurredAt(),
        e.actor(),
        e.actorRoles(),
        e.action(),
        e.target(),
        e.summary(),
        e.outcome().name(),
        e.requestId(),
        e.clientAddress(),
        record.prevHash(),
        record.hash());
  }

  /**
   * {@code {"intact":true,"records":N,"lastHash":"..."}} or {@code {"intact":false,
   * "firstBroken":{"seq":..,"id":..,"reason":"EDITED|DELETED|INSERTED_OR_REORDERED","detail":".."},
   * "intactBefore":N}}; {@code id} is left out when no row is there (the newest records deleted).
   */
  static Map<String, Object> verification(AuditVerification verification) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("intact", verification.intact());
    switch (verification) {
      case AuditVerification.Intact intact -> {
        json.put("records", intact.records());
        json.put("lastHash", intact.lastHash());
      }
      case AuditVerification.Broken broken -> {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("seq", broken.seq());
        broken.id().ifPresent(id -> first.put("id", id));
        first.put("reason", broken.reason().name());
        first.put("detail", broken.detail());
        json.put("firstBroken", first);
        json.put("intactBefore", broken.intactBefore());
      }
    }
    return json;
  }
}
