package org.mlplatform.domain.models;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.card.ModelCardMarkdown;
import org.mlplatform.domain.models.compare.VersionComparison;

/**
 * The rules of the model registry: model names are unique; versions are numbered 1, 2, ... per
 * model by the registry and never change; a version's lineage must point at things that exist and
 * fit its signature; aliases point at existing versions and every change of one is recorded; {@code
 * champion} changes only with a {@link PromotionGrant}; a model with versions is never deleted,
 * because versions are the record of what was trained, approved and served.
 *
 * <p>Each mutating call should run in one transaction (the caller's), so that a version, an alias
 * and its history entry are stored together or not at all.
 */
public final class ModelRegistry {

  /** An operation that conflicts with what exists (HTTP 409). */
  public static final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }

  /** A named object that does not exist (HTTP 404). */
  public static final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  /** An operation the registry's rules never allow this way, whoever asks (HTTP 403). */
  public static class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
      super(message);
    }
  }

  private final ModelRepository repository;
  private final Clock clock;

  public ModelRegistry(ModelRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public ModelRegistry(ModelRepository repository) {
    this(repository, Clock.systemUTC());
  }

  // Models

  public ModelDefinition createModel(
      ResourceName name, String description, String owner, Set<String> tags) {
    if (repository.model(name).isPresent()) {
      throw new ConflictException("model " + name + " already exists");
    }
    ModelDefinition model =
        ModelDefinition.created(name, description, owner, tags, clock.instant());
    repository.saveModel(model);
    return model;
  }

  /** Changes a model's description, owner and tags. */
  public ModelDefinition updateModel(
      ResourceName name, String description, String owner, Set<String> tags) {
    ModelDefinition updated = model(name).describedAs(description, owner, tags, clock.instant());
    repository.saveModel(updated);
    return updated;
  }

  /**
   * Deletes a model that has no versions. A model with versions stays: its versions may be
   * deployed, referenced by lineage or audited, and they are immutable.
   */
  public void deleteModel(ResourceName name) {
    model(name);
    long versions = repository.versionCount(name);
    if (versions > 0) {
      throw new ConflictException(
          "model "
              + name
              + " has "
              + versions
              + (versions == 1 ? " version" : " versions")
              + "; registered versions are kept for good, so only a model without versions can"
              + " be deleted");
    }
    repository.deleteModel(name);
  }

  public ModelDefinition model(ResourceName name) {
    return repository
        .model(name)
        .orElseThrow(() -> new NotFoundException("no model named " + name));
  }

  /** Models by name; {@code nameContains} blank or null for all. */
  public Page<ModelDefinition> models(String nameContains, PageRequest page) {
    return repository.models(nameContains, page);
  }

  // Versions

  /**
   * Registers a new version under the next number of its model. Checks that the model exists, that
   * the parent version exists, and that the feature mapping names an input of the signature with as
   * many columns as it lists features; a version trained on a training set or feature service must
   * say which features feed it.
   */
  public ModelVersion registerVersion(ResourceName model, VersionRegistration registration) {
    model(model);
    checkLineage(model, registration.lineage(), registration.signature());
    int number = repository.nextVersionNumber(model);
    ModelVersion version =
        registration.asVersion(new ModelVersionId(model, number), clock.instant());
    repository.insertVersion(version);
    return version;
  }

  public ModelVersion version(ModelVersionId id) {
    model(id.model());
    return repository
        .version(id)
        .orElseThrow(
            () -> new NotFoundException("model " + id.model() + " has no version " + id.number()));
  }

  /** The versions of a model, newest first. */
  public Page<ModelVersion> versions(ResourceName model, PageRequest page) {
    model(model);
    return repository.versions(model, page);
  }

  /**
   * The version a reference names: {@code name:3}, {@code name:latest}, {@code name@alias}, or a
   * plain {@code name} for the champion (see {@link ModelReference}).
   */
  public ModelVersion resolve(String reference) {
    return resolve(ModelReference.parse(reference));
  }

  public ModelVersion resolve(ModelReference reference) {
    ResourceName name = reference.model();
    model(name);
    if (reference.number().isPresent()) {
      return version(new ModelVersionId(name, reference.number().getAsInt()));
    }
    if (reference.alias().isPresent()) {
      AliasName alias = reference.alias().get();
      Alias found =
          repository
              .alias(name, alias)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "model "
                              + name
                              + " has no alias "
                              + alias
                              + (alias.isChampion()
                                  ? "; name a version (" + name + ":1) or another alias"
                                  : "")));
      return version(found.target());
    }
    return repository.versions(name, PageRequest.first(1)).items().stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("model " + name + " has no versions yet"));
  }

  /** The version and the versions it was retrained from, newest first. */
  public List<ModelVersion> lineage(ModelVersionId id) {
    List<ModelVersion> chain = new ArrayList<>();
    Optional<ModelVersion> next = Optional.of(version(id));
    while (next.isPresent()) {
      ModelVersion current = next.get();
      chain.add(current);
      // Parents are always older (checked at registration), so the walk ends.
      next = current.parent().flatMap(repository::version);
    }
    return chain;
  }

  /** Two versions side by side, {@code candidate} against {@code base}. */
  public VersionComparison compare(ModelVersionId base, ModelVersionId candidate) {
    return VersionComparison.between(version(base), version(candidate));
  }

  // Model cards

  /** The card of a version; blank while nobody has written one. */
  public ModelCard card(ModelVersionId id) {
    version(id);
    return repository.card(id).orElseGet(() -> ModelCard.blank(id));
  }

  public ModelCard updateCard(ModelVersionId id, CardText text, String editor) {
    ModelCard edited = card(id).edited(text, editor, clock.instant());
    repository.saveCard(edited);
    return edited;
  }

  /** The card, metrics, signature and lineage of a version as one Markdown document. */
  public String cardMarkdown(ModelVersionId id) {
    return ModelCardMarkdown.render(model(id.model()), version(id), card(id));
  }

  // Aliases

  /** The aliases of a model, by name. */
  public List<Alias> aliases(ResourceName model) {
    model(model);
    return repository.aliases(model);
  }

  /** Every change of the model's aliases, newest first. */
  public List<AliasMove> aliasHistory(ResourceName model) {
    model(model);
    return repository.aliasHistory(model);
  }

  /**
   * Points an alias at a version, creating the alias if needed, and records the move. Pointing it
   * where it already points changes nothing and records nothing.
   *
   * @throws ChampionProtectedException for {@code champion}: only a promotion moves it
   */
  public Alias setAlias(
      ResourceName model, AliasName alias, int version, String actor, String reason) {
    return moveAlias(model, alias, version, actor, reason, Optional.empty());
  }

  /** Points an alias at a version as an approved promotion allows. */
  public Alias setAlias(
      ResourceName model,
      AliasName alias,
      int version,
      String actor,
      String reason,
      PromotionGrant grant) {
    return moveAlias(model, alias, version, actor, reason, Optional.of(grant));
  }

  /**
   * Removes an alias and records it.
   *
   * @throws ChampionProtectedException for {@code champion}: only a promotion removes it
   */
  public void removeAlias(ResourceName model, AliasName alias, String actor, String reason) {
    dropAlias(model, alias, actor, reason, Optional.empty());
  }

  /** Removes an alias as an approved promotion allows; the grant names its current version. */
  public void removeAlias(
      ResourceName model, AliasName alias, String actor, String reason, PromotionGrant grant) {
    dropAlias(model, alias, actor, reason, Optional.of(grant));
  }

  private Alias moveAlias(
      ResourceName model,
      AliasName alias,
      int version,
      String actor,
      String reason,
      Optional<PromotionGrant> grant) {
    lockModel(model);
    ModelVersionId target = new ModelVersionId(model, version);
    checkGrant(alias, target, grant);
    if (repository.version(target).isEmpty()) {
      throw new DomainValidationException(
          "version", "model " + model + " has no version " + version);
    }
    Optional<Alias> current = repository.alias(model, alias);
    if (current.isPresent() && current.get().version() == version) {
      return current.get();
    }
    Alias moved = new Alias(model, alias, version);
    AliasMove move =
        new AliasMove(
            model,
            alias,
            current.map(a -> OptionalInt.of(a.version())).orElse(OptionalInt.empty()),
            OptionalInt.of(version),
            actor,
            clock.instant(),
            reasonOf(reason, grant));
    repository.saveAlias(moved);
    repository.appendAliasMove(move);
    return moved;
  }

  private void dropAlias(
      ResourceName model,
      AliasName alias,
      String actor,
      String reason,
      Optional<PromotionGrant> grant) {
    lockModel(model);
    Alias current =
        repository
            .alias(model, alias)
            .orElseThrow(() -> new NotFoundException("model " + model + " has no alias " + alias));
    checkGrant(alias, current.target(), grant);
    AliasMove move =
        new AliasMove(
            model,
            alias,
            OptionalInt.of(current.version()),
            OptionalInt.empty(),
            actor,
            clock.instant(),
            reasonOf(reason, grant));
    repository.deleteAlias(model, alias);
    repository.appendAliasMove(move);
  }

  private void lockModel(ResourceName model) {
    repository
        .modelForUpdate(model)
        .orElseThrow(() -> new NotFoundException("no model named " + model));
  }

  private static void checkGrant(
      AliasName alias, ModelVersionId target, Optional<PromotionGrant> grant) {
    if (grant.isEmpty()) {
      if (alias.isChampion()) {
        throw new ChampionProtectedException(target.model(), target.number());
      }
      return;
    }
    if (!grant.get().allows(alias, target)) {
      throw new ForbiddenException(
          "the promotion grant of process "
              + grant.get().processInstanceId()
              + " allows "
              + grant.get().target()
              + " as "
              + grant.get().alias()
              + ", not "
              + target
              + " as "
              + alias);
    }
  }

  private static String reasonOf(String reason, Optional<PromotionGrant> grant) {
    String given = reason == null ? "" : reason.strip();
    return grant
        .map(
            g ->
                (given.isEmpty() ? "" : given + " ")
                    + "(promotion "
                    + g.processInstanceId()
                    + ", approved by "
                    + g.approvedBy()
                    + ")")
        .orElse(given);
  }

  private void checkLineage(ResourceName model, ModelLineage lineage, ModelSignature signature) {
    if (lineage.parentVersion().isPresent()) {
      int parent = lineage.parentVersion().getAsInt();
      if (repository.version(new ModelVersionId(model, parent)).isEmpty()) {
        throw new DomainValidationException(
            "parentVersion", "model " + model + " has no version " + parent + " to retrain from");
      }
    }
    FeatureMapping mapping = lineage.featureMapping();
    if (mapping.isEmpty()) {
      if (lineage.hasFeatureData()) {
        throw new DomainValidationException(
            "features",
            "a version trained on a training set or feature service must list the features"
                + " feeding its input, in column order");
      }
      return;
    }
    TensorSpec input =
        signature
            .input(mapping.input())
            .orElseThrow(
                () ->
                    new DomainValidationException(
                        "input",
                        "the model has no input '"
                            + mapping.input()
                            + "'; its inputs are "
                            + signature.inputs().stream().map(TensorSpec::name).toList()));
    List<Dimension> shape = input.shape();
    if (input.kind() == ValueKind.TENSOR && !shape.isEmpty() && !shape.getLast().isDynamic()) {
      long columns = shape.getLast().size();
      if (columns != mapping.features().size()) {
        throw new DomainValidationException(
            "features",
            "input '"
                + input.name()
                + "' takes "
                + columns
                + " values per row but "
                + mapping.features().size()
                + " features are listed");
      }
    }
  }
}
