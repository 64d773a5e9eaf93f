package org.mlplatform.persistence.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;

/** The feature catalog on JPA; every call joins the caller's transaction or starts one. */
@ApplicationScoped
@Transactional
public class JpaFeatureCatalog implements FeatureCatalog {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaFeatureCatalog() {}

  @Inject
  public JpaFeatureCatalog(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<EntityDefinition> entity(ResourceName name) {
    return Optional.ofNullable(em.find(EntityRecord.class, name.value()))
        .map(EntityRecord::toDefinition);
  }

  @Override
  public List<EntityDefinition> entities() {
    return em
        .createQuery("select e from EntityRecord e order by e.name", EntityRecord.class)
        .getResultList()
        .stream()
        .map(EntityRecord::toDefinition)
        .toList();
  }

  @Override
  public void saveEntity(EntityDefinition entity) {
    EntityRecord existing = em.find(EntityRecord.class, entity.name().value());
    if (existing == null) {
      em.persist(EntityRecord.from(entity));
    } else {
      existing.update(entity);
    }
  }

  @Override
  public void deleteEntity(ResourceName name) {
    Optional.ofNullable(em.find(EntityRecord.class, name.value())).ifPresent(em::remove);
  }

  @Override
  public Optional<FeatureViewDefinition> latestView(ResourceName name) {
    return viewVersions(name).stream().reduce((older, newer) -> newer);
  }

  @Override
  public Optional<FeatureViewDefinition> view(ResourceName name, int version) {
    return Optional.ofNullable(
            em.find(FeatureViewRecord.class, new FeatureViewRecord.Key(name.value(), version)))
        .map(FeatureViewRecord::toDefinition);
  }

  @Override
  public List<FeatureViewDefinition> latestViews() {
    return em
        .createQuery(
            "select v from FeatureViewRecord v where v.version ="
                + " (select max(w.version) from FeatureViewRecord w where w.name = v.name)"
                + " order by v.name",
            FeatureViewRecord.class)
        .getResultList()
        .stream()
        .map(FeatureViewRecord::toDefinition)
        .toList();
  }

  @Override
  public List<FeatureViewDefinition> viewVersions(ResourceName name) {
    return em
        .createQuery(
            "select v from FeatureViewRecord v where v.name = :name", FeatureViewRecord.class)
        .setParameter("name", name.value())
        .getResultList()
        .stream()
        .map(FeatureViewRecord::toDefinition)
        .sorted(Comparator.comparingInt(FeatureViewDefinition::version))
        .toList();
  }

  @Override
  public void saveView(FeatureViewDefinition view) {
    FeatureViewRecord existing =
        em.find(
            FeatureViewRecord.class,
            new FeatureViewRecord.Key(view.name().value(), view.version()));
    if (existing == null) {
      em.persist(FeatureViewRecord.from(view));
    } else {
      existing.update(view);
    }
  }

  @Override
  public void deleteView(ResourceName name) {
    em.createQuery(
            "select v from FeatureViewRecord v where v.name = :name", FeatureViewRecord.class)
        .setParameter("name", name.value())
        .getResultList()
        .forEach(em::remove);
  }

  @Override
  public Optional<FeatureServiceDefinition> latestService(ResourceName name) {
    return serviceVersions(name).stream().reduce((older, newer) -> newer);
  }

  @Override
  public Optional<FeatureServiceDefinition> service(ResourceName name, int version) {
    return Optional.ofNullable(
            em.find(
                FeatureServiceRecord.class, new FeatureServiceRecord.Key(name.value(), version)))
        .map(FeatureServiceRecord::toDefinition);
  }

  @Override
  public List<FeatureServiceDefinition> latestServices() {
    return em
        .createQuery(
            "select s from FeatureServiceRecord s where s.version ="
                + " (select max(t.version) from FeatureServiceRecord t where t.name = s.name)"
                + " order by s.name",
            FeatureServiceRecord.class)
        .getResultList()
        .stream()
        .map(FeatureServiceRecord::toDefinition)
        .toList();
  }

  @Override
  public List<FeatureServiceDefinition> serviceVersions(ResourceName name) {
    return services(name).stream()
        .map(FeatureServiceRecord::toDefinition)
        .sorted(Comparator.comparingInt(FeatureServiceDefinition::version))
        .toList();
  }

  @Override
  public void saveService(FeatureServiceDefinition service) {
    FeatureServiceRecord existing =
        em.find(
            FeatureServiceRecord.class,
            new FeatureServiceRecord.Key(service.name().value(), service.version()));
    if (existing == null) {
      em.persist(FeatureServiceRecord.from(service));
    } else {
      existing.update(service);
    }
  }

  @Override
  public void deleteService(ResourceName name) {
    services(name).forEach(em::remove);
  }

  private List<FeatureServiceRecord> services(ResourceName name) {
    return em.createQuery(
            "select s from FeatureServiceRecord s where s.name = :name", FeatureServiceRecord.class)
        .setParameter("name", name.value())
        .getResultList();
  }
}
