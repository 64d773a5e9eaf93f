package org.mlplatform.persistence.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.Page;
import org.mlplatform.domain.models.PageRequest;

/**
 * The model registry's repository on JPA. Every call joins the caller's transaction or starts one;
 * the two locking calls demand the caller's transaction ({@code MANDATORY}), because a lock that
 * ends with the call would protect nothing.
 *
 * <p>Version numbers: {@link #nextVersionNumber} locks the model's row ({@code SELECT ... FOR
 * UPDATE}) and then reads the highest number. A concurrent registration of the same model blocks on
 * the lock until the first commits, and its next statement (READ COMMITTED on H2 and PostgreSQL)
 * sees the committed version, so the numbers are distinct and consecutive. A rolled-back
 * registration leaves no gap. The primary key (model, version) would refuse a duplicate should
 * anything bypass the lock.
 */
@ApplicationScoped
@Transactional
public class JpaModelRepository implements ModelRepository {

  private EntityManager em;

  /** For CDI's proxy. */
  protected JpaModelRepository() {}

  @Inject
  public JpaModelRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ModelDefinition> model(ResourceName name) {
    return Optional.ofNullable(em.find(ModelRecord.class, name.value()))
        .map(ModelRecord::toDefinition);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<ModelDefinition> modelForUpdate(ResourceName name) {
    return lockedModel(name).map(ModelRecord::toDefinition);
  }

  @Override
  public Page<ModelDefinition> models(String nameContains, PageRequest page) {
    String filter = nameContains == null ? "" : nameContains.strip();
    // locate() rather than LIKE: '_' is both a wildcard and common in model names.
    String where = filter.isEmpty() ? "" : " where locate(:filter, m.name) > 0";
    var query =
        em.createQuery(
            "select m from ModelRecord m" + where + " order by m.name", ModelRecord.class);
    var count = em.createQuery("select count(m) from ModelRecord m" + where, Long.class);
    if (!filter.isEmpty()) {
      query.setParameter("filter", filter);
      count.setParameter("filter", filter);
    }
    List<ModelDefinition> items =
        query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
            .map(ModelRecord::toDefinition)
            .toList();
    return new Page<>(items, count.getSingleResult(), page);
  }

  @Override
  public void saveModel(ModelDefinition model) {
    ModelRecord existing = em.find(ModelRecord.class, model.name().value());
    if (existing == null) {
      em.persist(ModelRecord.from(model));
    } else {
      existing.update(model);
    }
  }

  @Override
  public void deleteModel(ResourceName name) {
    Optional.ofNullable(em.find(ModelRecord.class, name.value())).ifPresent(em::remove);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int nextVersionNumber(ResourceName model) {
    if (lockedModel(model).isEmpty()) {
      throw new IllegalStateException("no model named " + model);
    }
    Integer highest =
        em.createQuery(
                "select max(v.version) from ModelVersionRecord v where v.modelName = :model",
                Integer.class)
            .setParameter("model", model.value())
            .getSingleResult();
    return highest == null ? 1 : highest + 1;
  }

  @Override
  public void insertVersion(ModelVersion version) {
    em.persist(ModelVersionRecord.from(version));
  }

  @Override
  public Optional<ModelVersion> version(ModelVersionId id) {
    return Optional.ofNullable(em.find(ModelVersionRecord.class, ModelVersionRecord.Key.of(id)))
        .map(ModelVersionRecord::toVersion);
  }

  @Override
  public Page<ModelVersion> versions(ResourceName model, PageRequest page) {
    List<ModelVersion> items =
        em
            .createQuery(
                "select v from ModelVersionRecord v where v.modelName = :model"
                    + " order by v.version desc",
                ModelVersionRecord.class)
            .setParameter("model", model.value())
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList()
            .stream()
            .map(ModelVersionRecord::toVersion)
            .toList();
    return new Page<>(items, versionCount(model), page);
  }

  @Override
  public long versionCount(ResourceName model) {
    return em.createQuery(
            "select count(v) from ModelVersionRecord v where v.modelName = :model", Long.class)
        .setParameter("model", model.value())
        .getSingleResult();
  }

  @Override
  public List<ModelVersion> versionsOf(Collection<ResourceName> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "select v from ModelVersionRecord v where v.modelName in :models"
                + " order by v.modelName, v.version desc",
            ModelVersionRecord.class)
        .setParameter("models", names(models))
        .getResultList()
        .stream()
        .map(ModelVersionRecord::toVersion)
        .toList();
  }

  @Override
  public List<Alias> aliasesOf(Collection<ResourceName> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "select a from AliasRecord a where a.modelName in :models"
                + " order by a.modelName, a.alias",
            AliasRecord.class)
        .setParameter("models", names(models))
        .getResultList()
        .stream()
        .map(AliasRecord::toAlias)
        .toList();
  }

  private static List<String> names(Collection<ResourceName> models) {
    return models.stream().map(ResourceName::value).distinct().toList();
  }

  @Override
  public Optional<ModelCard> card(ModelVersionId version) {
    return Optional.ofNullable(em.find(ModelCardRecord.class, ModelVersionRecord.Key.of(version)))
        .map(ModelCardRecord::toCard);
  }

  @Override
  public void saveCard(ModelCard card) {
    ModelCardRecord existing =
        em.find(ModelCardRecord.class, ModelVersionRecord.Key.of(card.version()));
    if (existing == null) {
      em.persist(ModelCardRecord.from(card));
    } else {
      existing.update(card);
    }
  }

  @Override
  public Optional<Alias> alias(ResourceName model, AliasName alias) {
    return Optional.ofNullable(em.find(AliasRecord.class, key(model, alias)))
        .map(AliasRecord::toAlias);
  }

  @Override
  public List<Alias> aliases(ResourceName model) {
    return em
        .createQuery(
            "select a from AliasRecord a where a.modelName = :model order by a.alias",
            AliasRecord.class)
        .setParameter("model", model.value())
        .getResultList()
        .stream()
        .map(AliasRecord::toAlias)
        .toList();
  }

  @Override
  public void saveAlias(Alias alias) {
    AliasRecord existing = em.find(AliasRecord.class, key(alias.model(), alias.name()));
    if (existing == null) {
      em.persist(AliasRecord.from(alias));
    } else {
      existing.pointAt(alias.version());
    }
  }

  @Override
  public void deleteAlias(ResourceName model, AliasName alias) {
    Optional.ofNullable(em.find(AliasRecord.class, key(model, alias))).ifPresent(em::remove);
  }

  @Override
  public void appendAliasMove(AliasMove move) {
    em.persist(AliasMoveRecord.from(move));
  }

  @Override
  public List<AliasMove> aliasHistory(ResourceName model) {
    return em
        .createQuery(
            "select m from AliasMoveRecord m where m.modelName = :model order by m.id desc",
            AliasMoveRecord.class)
        .setParameter("model", model.value())
        .getResultList()
        .stream()
        .map(AliasMoveRecord::toMove)
        .toList();
  }

  private Optional<ModelRecord> lockedModel(ResourceName name) {
    return Optional.ofNullable(
        em.find(ModelRecord.class, name.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  private static AliasRecord.Key key(ResourceName model, AliasName alias) {
    return new AliasRecord.Key(model.value(), alias.value());
  }
}
