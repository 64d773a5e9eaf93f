package org.mlplatform.portal.ui.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mlplatform.domain.audit.AuditChainHead;
import org.mlplatform.domain.audit.AuditChainVerifier;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.AuditHash;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification;
import org.mlplatform.domain.audit.Outcome;

/** An audit log in a list, chained like the real one, for views tested without a database. */
final class InMemoryAuditLog implements AuditLog {

  final List<AuditRecord> records = new ArrayList<>();
  private AuditChainHead head = AuditChainHead.EMPTY;

  @Override
  public void append(AuditEntry entry) {
    long seq = head.lastSeq() + 1;
    String hash = AuditHash.of(seq, entry, head.lastHash());
    records.add(new AuditRecord(seq, 1000 + seq, entry, head.lastHash(), hash));
    head = head.next(hash);
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return find(AuditFilter.ALL, 0, limit).stream().map(AuditRecord::entry).toList();
  }

  @Override
  public long count() {
    return records.size();
  }

  @Override
  public List<AuditEntry> latestSuccesses(String action, String target, int limit) {
    return latest(Integer.MAX_VALUE).stream()
        .filter(e -> e.outcome() == Outcome.SUCCESS)
        .filter(e -> e.action().equals(action) && target.equals(e.target()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<AuditRecord> find(AuditFilter filter, long offset, int limit) {
    return newestFirst(filter).stream().skip(offset).limit(limit).toList();
  }

  @Override
  public long count(AuditFilter filter) {
    return newestFirst(filter).size();
  }

  @Override
  public void forEach(
      AuditFilter filter, long offset, long limit, Consumer<? super AuditRecord> sink) {
    newestFirst(filter).stream().skip(offset).limit(limit).forEach(sink);
  }

  @Override
  public AuditVerification verify() {
    return AuditChainVerifier.verify(head, records);
  }

  private List<AuditRecord> newestFirst(AuditFilter filter) {
    return records.reversed().stream().filter(r -> filter.matches(r.entry())).toList();
  }
}
