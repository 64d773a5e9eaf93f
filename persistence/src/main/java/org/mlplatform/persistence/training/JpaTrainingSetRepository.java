package org.mlplatform.persistence.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetRepository;
import org.mlplatform.domain.features.training.TrainingSetState;

/**
 * Training-set snapshots on JPA. A save commits on its own ({@code REQUIRES_NEW}): the snapshot's
 * state changes from a job's thread, outside any request's transaction.
 */
@ApplicationScoped
public class JpaTrainingSetRepository implements TrainingSetRepository {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaTrainingSetRepository() {}

  @Inject
  public JpaTrainingSetRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void save(TrainingSet trainingSet) {
    TrainingSetRecord existing = em.find(TrainingSetRecord.class, trainingSet.id());
    if (existing == null) {
      em.persist(TrainingSetRecord.from(trainingSet));
    } else {
      existing.update(trainingSet);
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TrainingSet> find(String id) {
    return Optional.ofNullable(em.find(TrainingSetRecord.class, id))
        .map(TrainingSetRecord::toTrainingSet);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TrainingSet> list(int limit) {
    return em
        .createQuery(
            "select t from TrainingSetRecord t order by t.createdAt desc", TrainingSetRecord.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(TrainingSetRecord::toTrainingSet)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TrainingSet> building() {
    return em
        .createQuery(
            "select t from TrainingSetRecord t where t.state = :state order by t.createdAt",
            TrainingSetRecord.class)
        .setParameter("state", TrainingSetState.BUILDING)
        .getResultList()
        .stream()
        .map(TrainingSetRecord::toTrainingSet)
        .toList();
  }
}
