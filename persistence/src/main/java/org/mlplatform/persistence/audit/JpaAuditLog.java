package org.mlplatform.persistence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.audit.Outcome;

/**
 * The audit log on JPA. In the container every call joins the caller's JTA transaction (or starts
 * one), so an audit record commits or rolls back together with the change it describes.
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaAuditLog() {}

  @Inject
  public JpaAuditLog(EntityManager em) {
    this.em = em;
  }

  @Override
  public void append(AuditEntry entry) {
    em.persist(AuditRecordEntity.from(entry));
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return em
        .createQuery(
            "select a from AuditRecordEntity a order by a.occurredAt desc, a.id desc",
            AuditRecordEntity.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(AuditRecordEntity::toEntry)
        .toList();
  }

  @Override
  public long count() {
    return em.createQuery("select count(a) from AuditRecordEntity a", Long.class).getSingleResult();
  }

  @Override
  public List<AuditEntry> latestSuccesses(String action, String target, int limit) {
    return em
        .createQuery(
            "select a from AuditRecordEntity a where a.action = :action and a.target = :target"
                + " and a.outcome = :outcome order by a.occurredAt desc, a.id desc",
            AuditRecordEntity.class)
        .setParameter("action", action)
        .setParameter("target", target)
        .setParameter("outcome", Outcome.SUCCESS)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(AuditRecordEntity::toEntry)
        .toList();
  }
}
