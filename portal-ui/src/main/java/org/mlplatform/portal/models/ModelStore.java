package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.Page;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.VersionRegistration;
import org.mlplatform.domain.models.compare.VersionComparison;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.search.CatalogChanged;
import org.mlplatform.portal.serving.AliasMoved;

/**
 * The model registry's application service: one transaction per call, in which the registry applies
 * its rules and the audit record is written, so a change and its record commit together.
 */
@ApplicationScoped
@Transactional
public class ModelStore {

  @Inject private ModelRepository repository;
  @Inject private AuditRecorder audit;
  @Inject private ModelArtifacts artifacts;
  @Inject private Event<AliasMoved> aliasMoved;
  @Inject private Event<CatalogChanged> catalogChanged;

  private ModelRegistry registry() {
    return new ModelRegistry(repository);
  }

  public ModelDefinition create(
      ResourceName name,
      String description,
      String owner,
      Set<String> tags,
      PlatformUser actor,
      Origin origin) {
    ModelDefinition model = registry().createModel(name, description, owner, tags);
    catalogChanged.fire(CatalogChanged.model(name));
    audit.record(actor, "model.create", "model:" + name, "tags " + tags, Outcome.SUCCESS, origin);
    return model;
  }

  public ModelDefinition update(
      ResourceName name,
      String description,
      String owner,
      Set<String> tags,
      PlatformUser actor,
      Origin origin) {
    ModelDefinition model = registry().updateModel(name, description, owner, tags);
    catalogChanged.fire(CatalogChanged.model(name));
    audit.record(actor, "model.update", "model:" + name, "tags " + tags, Outcome.SUCCESS, origin);
    return model;
  }

  public void delete(ResourceName name, PlatformUser actor, Origin origin) {
    registry().deleteModel(name);
    catalogChanged.fire(CatalogChanged.model(name));
    audit.record(actor, "model.delete", "model:" + name, "deleted", Outcome.SUCCESS, origin);
  }

  public ModelDefinition model(ResourceName name) {
    return registry().model(name);
  }

  public Page<ModelDefinition> models(String nameContains, PageRequest page) {
    return registry().models(nameContains, page);
  }

  /**
   * Registers a version and stores its file in one step: the file is written only after the
   * registry accepted the version, and a failure to write it rolls the version back, so neither
   * exists without the other.
   */
  public ModelVersion register(
      ResourceName model,
      VersionRegistration registration,
      byte[] content,
      PlatformUser actor,
      Origin origin) {
    ModelVersion version = registry().registerVersion(model, registration);
    catalogChanged.fire(CatalogChanged.model(model));
    try {
      StoredArtifact stored =
          artifacts.store().put(new ByteArrayInputStream(content), content.length);
      if (!stored.equals(registration.artifact())) {
        throw new IllegalStateException("the stored file's hash differs from the registered one");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("storing the model file failed", e);
    }
    audit.record(
        actor,
        "model.version.register",
        "model_version:" + version.id(),
        "sha256 " + version.artifact().sha256() + ", " + version.lineage().source(),
        Outcome.SUCCESS,
        origin);
    return version;
  }

  public ModelVersion version(ModelVersionId id) {
    return registry().version(id);
  }

  public Page<ModelVersion> versions(ResourceName model, PageRequest page) {
    return registry().versions(model, page);
  }

  /** {@code name:3}, {@code name:latest}, {@code name@alias}, or a plain name for its champion. */
  public ModelVersion resolve(String reference) {
    return registry().resolve(reference);
  }

  public List<ModelVersion> lineage(ModelVersionId id) {
    return registry().lineage(id);
  }

  public VersionComparison compare(ModelVersionId base, ModelVersionId candidate) {
    return registry().compare(base, candidate);
  }

  public ModelCard card(ModelVersionId id) {
    return registry().card(id);
  }

  public ModelCard updateCard(ModelVersionId id, CardText text, PlatformUser actor, Origin origin) {
    ModelCard card = registry().updateCard(id, text, actor.username());
    audit.record(
        actor, "model.card.update", "model_version:" + id, "card edited", Outcome.SUCCESS, origin);
    return card;
  }

  public String cardMarkdown(ModelVersionId id) {
    return registry().cardMarkdown(id);
  }

  public List<Alias> aliases(ResourceName model) {
    return registry().aliases(model);
  }

  public List<AliasMove> aliasHistory(ResourceName model) {
    return registry().aliasHistory(model);
  }

  /** Moves an alias other than {@code champion}, which only the promotion workflow moves. */
  public Alias setAlias(
      ResourceName model,
      AliasName alias,
      int version,
      String reason,
      PlatformUser actor,
      Origin origin) {
    Alias set = registry().setAlias(model, alias, version, actor.username(), reason);
    aliasMoved.fire(new AliasMoved(model, alias));
    audit.record(
        actor,
        "model.alias.set",
        "model:" + model + "@" + alias,
        "to version " + version,
        Outcome.SUCCESS,
        origin);
    return set;
  }

  public void removeAlias(
      ResourceName model, AliasName alias, String reason, PlatformUser actor, Origin origin) {
    registry().removeAlias(model, alias, actor.username(), reason);
    aliasMoved.fire(new AliasMoved(model, alias));
    audit.record(
        actor,
        "model.alias.remove",
        "model:" + model + "@" + alias,
        "removed",
        Outcome.SUCCESS,
        origin);
  }
}
