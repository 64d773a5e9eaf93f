package org.mlplatform.persistence.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.jobs.JobState;

/**
 * Jobs on JPA. Each save commits on its own ({@code REQUIRES_NEW}): progress must be visible while
 * the job's own work is still in its (long) transaction, and a failed job's state must survive the
 * rollback of its work. A save and a takeover lock the job's row first, so a node's late save can
 * never undo another node's takeover.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  private static final List<JobState> UNFINISHED = List.of(JobState.QUEUED, JobState.RUNNING);

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaJobRepository() {}

  @Inject
  public JpaJobRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean save(Job job) {
    JobRecord existing = em.find(JobRecord.class, job.id(), LockModeType.PESSIMISTIC_WRITE);
    if (existing == null) {
      em.persist(JobRecord.from(job));
      return true;
    }
    if (!existing.toJob().sameRunAs(job)) {
      return false;
    }
    existing.update(job);
    return true;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Job> find(String id) {
    return Optional.ofNullable(em.find(JobRecord.class, id)).map(JobRecord::toJob);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Job> latest(int limit) {
    return em
        .createQuery("select j from JobRecord j order by j.createdAt desc", JobRecord.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JobRecord::toJob)
        .toList();
  }

  @Override
  // In a transaction: the scheduled takeover reads from a thread without one, where Payara's
  // transaction-scoped entity manager is closed.
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Job> unfinished() {
    return em
        .createQuery(
            "select j from JobRecord j where j.state in :states order by j.createdAt",
            JobRecord.class)
        .setParameter("states", UNFINISHED)
        .getResultList()
        .stream()
        .map(JobRecord::toJob)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void heartbeat(String node, Instant now) {
    em.createQuery(
            "update JobRecord j set j.updatedAt = :now where j.node = :node and j.state in"
                + " :states")
        .setParameter("now", now)
        .setParameter("node", node)
        .setParameter("states", UNFINISHED)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Job> takeOver(Job job, String node, Instant now) {
    JobRecord row = em.find(JobRecord.class, job.id(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    Job current = row.toJob();
    if (current.state().isFinished() || !current.sameRunAs(job)) {
      return Optional.empty();
    }
    Job moved = current.takenOver(node, now);
    row.update(moved);
    return Optional.of(moved);
  }
}
