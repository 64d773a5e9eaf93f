package org.mlplatform.persistence.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.DeploymentRepository;

/**
 * Deployments on JPA, one row per model. Every call joins the caller's transaction or starts one.
 * The schema refuses a canary or shadow version the model does not have, and deletes a model's
 * deployment with the model.
 */
@ApplicationScoped
@Transactional
public class JpaDeploymentRepository implements DeploymentRepository {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaDeploymentRepository() {}

  @Inject
  public JpaDeploymentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Deployment> find(ResourceName model) {
    return Optional.ofNullable(em.find(DeploymentRecord.class, model.value()))
        .map(DeploymentRecord::toDeployment);
  }

  @Override
  public List<Deployment> all() {
    return em
        .createQuery(
            "select d from DeploymentRecord d order by d.modelName", DeploymentRecord.class)
        .getResultList()
        .stream()
        .map(DeploymentRecord::toDeployment)
        .toList();
  }

  @Override
  public void save(Deployment deployment) {
    DeploymentRecord existing = em.find(DeploymentRecord.class, deployment.model().value());
    if (existing == null) {
      em.persist(DeploymentRecord.from(deployment));
    } else {
      existing.update(deployment);
    }
  }

  @Override
  public void delete(ResourceName model) {
    Optional.ofNullable(em.find(DeploymentRecord.class, model.value())).ifPresent(em::remove);
  }
}
