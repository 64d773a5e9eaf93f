package org.mlplatform.persistence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.mlplatform.domain.audit.AuditChainHead;
import org.mlplatform.domain.audit.AuditChainVerifier;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.AuditHash;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.Outcome;

/**
 * The audit log on JPA, as a hash chain. In the container every call joins the caller's JTA
 * transaction (or starts one), so an audit record commits or rolls back together with the change it
 * describes.
 *
 * <p>An append locks the one row of {@code audit_chain_head} ({@code SELECT ... FOR UPDATE}), takes
 * the next place, hashes the record onto the head's hash and moves the head, all in the caller's
 * transaction: concurrent appends queue on that lock and form one chain; a rolled-back append
 * leaves neither record nor moved head. The lock is held until the caller's transaction ends, so
 * audited transactions commit one after the other from their append on.
 *
 * <p>Records from before the chain (migration V13 numbered them, without hashes) are
 * <em>sealed</em> once: the first append or verification after the upgrade hashes them in place,
 * under the lock.
 *
 * <p>Reads go page by page, by {@code seq} (a unique index), selecting columns rather than
 * entities: nothing piles up in the persistence context, so exports and verification of any length
 * run in bounded memory.
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {

  private static final Logger LOG = Logger.getLogger(JpaAuditLog.class.getName());

  /** Rows read per query by exports, verification and sealing. */
  static final int PAGE = 500;

  private static final String COLUMNS =
      "select a.id, a.seq, a.prevHash, a.hash, a.occurredAt, a.actor, a.actorRoles, a.action,"
          + " a.target, a.summary, cast(a.outcome as String), a.requestId, a.clientAddress"
          + " from AuditRecordEntity a";

  private EntityManager em;
  private int page = PAGE;

  /** For CDI's proxy. */
  protected JpaAuditLog() {}

  @Inject
  public JpaAuditLog(EntityManager em) {
    this.em = em;
  }

  /** With another page size: for tests that cross page boundaries on few records. */
  JpaAuditLog(EntityManager em, int page) {
    this.em = em;
    this.page = page;
  }

  @Override
  public void append(AuditEntry entry) {
    AuditChainHead head = lockHead();
    long seq = head.lastSeq() + 1;
    String hash = AuditHash.of(seq, entry, head.lastHash());
    em.persist(AuditRecordEntity.from(seq, entry, head.lastHash(), hash));
    moveHead(head.next(hash));
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return find(AuditFilter.ALL, 0, limit).stream().map(AuditRecord::entry).toList();
  }

  @Override
  public long count() {
    return em.createQuery("select count(a) from AuditRecordEntity a", Long.class).getSingleResult();
  }

  @Override
  public List<AuditEntry> latestSuccesses(String action, String target, int limit) {
    AuditFilter filter = AuditFilter.ALL.withOutcome(Outcome.SUCCESS);
    AuditWhere where = AuditWhere.of(filter).and("a.action = :exactAction", "exactAction", action);
    where = where.and("a.target = :exactTarget", "exactTarget", target);
    return rows(where, "a.seq desc", 0, limit).stream().map(r -> r.toRecord().entry()).toList();
  }

  @Override
  public List<AuditRecord> find(AuditFilter filter, long offset, int limit) {
    requirePaging(offset, limit);
    return rows(AuditWhere.of(filter), "a.seq desc", offset, limit).stream()
        .map(Row::toRecord)
        .toList();
  }

  @Override
  public long count(AuditFilter filter) {
    AuditWhere where = AuditWhere.of(filter);
    TypedQuery<Long> query =
        em.createQuery("select count(a) from AuditRecordEntity a" + where.jpql(), Long.class);
    where.bind(query);
    return query.getSingleResult();
  }

  @Override
  public void forEach(
      AuditFilter filter, long offset, long limit, Consumer<? super AuditRecord> sink) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    if (limit == 0) {
      return;
    }
    long left = limit;
    AuditWhere where = AuditWhere.of(filter);
    List<Row> rows = rows(where, "a.seq desc", offset, (int) Math.min(page, left));
    while (!rows.isEmpty() && left > 0) {
      for (Row row : rows) {
        sink.accept(row.toRecord());
      }
      left -= rows.size();
      if (rows.size() < page || left == 0) {
        return;
      }
      long before = rows.getLast().seq();
      rows =
          rows(
              where.and("a.seq < :before", "before", before),
              "a.seq desc",
              0,
              (int) Math.min(page, left));
    }
  }

  @Override
  public AuditVerification verify() {
    AuditChainHead head = readHead().orElseGet(this::lockHead);
    AuditChainVerifier verifier = new AuditChainVerifier(head);
    long after = Long.MIN_VALUE;
    while (true) {
      AuditWhere where =
          AuditWhere.of(AuditFilter.ALL)
              .and("a.seq > :after", "after", after)
              .and("a.seq <= :last", "last", head.lastSeq());
      List<Row> rows = rows(where, "a.seq asc", 0, page);
      for (Row row : rows) {
        Optional<Broken> broken = row.check(verifier);
        if (broken.isPresent()) {
          return broken.get();
        }
      }
      if (rows.size() < page) {
        break;
      }
      after = rows.getLast().seq();
    }
    AuditVerification verdict = verifier.finish();
    if (!verdict.intact()) {
      return verdict;
    }
    // A record past the head was not written through the log. Read the newest record before the
    // head: a record appended meanwhile moved the head in its own transaction, so it is never past
    // the head read after it.
    List<Row> newest = rows(AuditWhere.of(AuditFilter.ALL), "a.seq desc", 0, 1);
    Optional<AuditChainHead> now = readHead();
    if (!newest.isEmpty() && now.isPresent() && newest.getFirst().seq() > now.get().lastSeq()) {
      return AuditChainVerifier.outsideChain(
          newest.getFirst().seq(), newest.getFirst().id(), now.get());
    }
    return verdict;
  }

  /** The head, locked until the transaction ends; records from before the chain sealed first. */
  private AuditChainHead lockHead() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    long lastSeq = ((Number) row[0]).longValue();
    String lastHash = (String) row[1];
    return lastHash != null ? new AuditChainHead(lastSeq, lastHash) : seal(lastSeq);
  }

  /** The head as last committed, if it is sealed. */
  private Optional<AuditChainHead> readHead() {
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
    String lastHash = (String) row[1];
    return lastHash == null
        ? Optional.empty()
        : Optional.of(new AuditChainHead(((Number) row[0]).longValue(), lastHash));
  }

  private void moveHead(AuditChainHead head) {
    em.createNativeQuery("UPDATE audit_chain_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
        .setParameter(1, head.lastSeq())
        .setParameter(2, head.lastHash())
        .executeUpdate();
  }

  /**
   * Hashes the records from before the chain (places 1 to {@code lastSeq}, as migration V13
   * numbered them) in place, each onto the one before, and moves the head to the last. Runs once,
   * under the head's lock. A row that cannot be read keeps no hash (verification then names it)
   * rather than stop every later append.
   */
  private AuditChainHead seal(long lastSeq) {
    String prev = AuditHash.GENESIS;
    long sealed = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      AuditWhere where =
          AuditWhere.of(AuditFilter.ALL)
              .and("a.seq > :after", "after", after)
              .and("a.seq <= :last", "last", lastSeq);
      List<Row> rows = rows(where, "a.seq asc", 0, page);
      for (Row row : rows) {
        String hash = null;
        try {
          hash = AuditHash.of(row.seq(), row.toRecord().entry(), prev);
        } catch (IllegalArgumentException e) {
          LOG.warning(() -> "audit record " + row.seq() + " cannot be sealed: " + e.getMessage());
        }
        em.createNativeQuery("UPDATE audit_record SET prev_hash = ?1, hash = ?2 WHERE id = ?3")
            .setParameter(1, prev)
            .setParameter(2, hash)
            .setParameter(3, row.id())
            .executeUpdate();
        if (hash != null) {
          prev = hash;
        }
        sealed++;
      }
      if (rows.size() < page) {
        break;
      }
      after = rows.getLast().seq();
    }
    AuditChainHead head = new AuditChainHead(lastSeq, prev);
    moveHead(head);
    long count = sealed;
    LOG.info(() -> count + " audit records from before the hash chain sealed into it");
    return head;
  }

  private List<Row> rows(AuditWhere where, String order, long offset, int limit) {
    TypedQuery<Object[]> query =
        em.createQuery(COLUMNS + where.jpql() + " order by " + order, Object[].class);
    where.bind(query);
    return query
        .setFirstResult(Math.toIntExact(offset))
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(Row::of)
        .toList();
  }

  private static void requirePaging(long offset, int limit) {
    if (offset < 0 || offset > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("offset must be between 0 and " + Integer.MAX_VALUE);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  /** One row's columns as read, before they are trusted to make a record. */
  private record Row(
      long id,
      long seq,
      String prevHash,
      String hash,
      Instant occurredAt,
      String actor,
      String actorRoles,
      String action,
      String target,
      String summary,
      String outcome,
      String requestId,
      String clientAddress) {

    static Row of(Object[] c) {
      return new Row(
          ((Number) c[0]).longValue(),
          ((Number) c[1]).longValue(),
          (String) c[2],
          (String) c[3],
          (Instant) c[4],
          (String) c[5],
          (String) c[6],
          (String) c[7],
          (String) c[8],
          (String) c[9],
          (String) c[10],
          (String) c[11],
          (String) c[12]);
    }

    /**
     * The record; {@link IllegalArgumentException} when the row holds what the log never writes (a
     * blank actor, an unknown outcome: it was edited).
     */
    AuditRecord toRecord() {
      if (outcome == null) {
        throw new IllegalArgumentException("no outcome");
      }
      List<String> roles =
          actorRoles == null || actorRoles.isEmpty()
              ? List.of()
              // -1 keeps trailing empty roles: they join back to exactly what was stored (and
              // hashed).
              : Arrays.asList(actorRoles.split(",", -1));
      AuditEntry entry =
          new AuditEntry(
              occurredAt,
              actor,
              roles,
              action,
              target,
              summary,
              Outcome.valueOf(outcome),
              requestId,
              clientAddress);
      return new AuditRecord(seq, id, entry, prevHash, hash);
    }

    Optional<Broken> check(AuditChainVerifier verifier) {
      AuditRecord record;
      try {
        record = toRecord();
      } catch (IllegalArgumentException | NullPointerException e) {
        return verifier.checkUnreadable(seq, id, String.valueOf(e.getMessage()));
      }
      return verifier.check(record);
    }
  }
}
