package org.mlplatform.persistence.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.jobs.JobState;

/**
 * Jobs on JPA. Each save commits on its own ({@code REQUIRES_NEW}): progress must be visible while
 * the job's own work is still in its (long) transaction, and a failed job's state must survive the
 * rollback of its work.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaJobRepository() {}

  @Inject
  public JpaJobRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void save(Job job) {
    JobRecord existing = em.find(JobRecord.class, job.id());
    if (existing == null) {
      em.persist(JobRecord.from(job));
    } else {
      existing.update(job);
    }
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
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Job> unfinished() {
    return em
        .createQuery(
            "select j from JobRecord j where j.state in :states order by j.createdAt",
            JobRecord.class)
        .setParameter("states", List.of(JobState.QUEUED, JobState.RUNNING))
        .getResultList()
        .stream()
        .map(JobRecord::toJob)
        .toList();
  }
}
