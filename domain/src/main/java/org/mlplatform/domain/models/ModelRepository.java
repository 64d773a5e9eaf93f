package org.mlplatform.domain.models;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;

/**
 * Where the registry keeps models, their immutable versions, model cards, aliases and alias
 * history. Implementations join the caller's transaction; {@link ModelRegistry}'s mutating calls
 * expect to run in one, so that a version, an alias and its history entry commit or roll back
 * together.
 */
public interface ModelRepository {

  Optional<ModelDefinition> model(ResourceName name);

  /**
   * The model, locked against other changes to it until the caller's transaction ends, so that
   * alias changes of one model happen one after another and each history entry's "from" is right.
   */
  Optional<ModelDefinition> modelForUpdate(ResourceName name);

  /** Models by name; {@code nameContains} blank or null for all. */
  Page<ModelDefinition> models(String nameContains, PageRequest page);

  /** Inserts a new model or replaces the stored one with the same name. */
  void saveModel(ModelDefinition model);

  /** Deletes a model that has no versions. */
  void deleteModel(ResourceName name);

  /**
   * The number for the model's next version: one more than its highest. Concurrent callers get
   * distinct, consecutive numbers: the JPA implementation locks the model's row ({@code SELECT ...
   * FOR UPDATE}) until the transaction ends, so a second registration of the same model waits for
   * the first to commit and then sees its version; the primary key (model, version) backs this up.
   * The in-memory implementation hands out numbers under its monitor.
   */
  int nextVersionNumber(ResourceName model);

  /** Stores a new version. Versions are never updated or deleted. */
  void insertVersion(ModelVersion version);

  Optional<ModelVersion> version(ModelVersionId id);

  /** Versions of a model, newest first. */
  Page<ModelVersion> versions(ResourceName model, PageRequest page);

  long versionCount(ResourceName model);

  /**
   * Every version of each of {@code models} in one read, by model and then newest first: for bulk
   * readers such as the catalogue index, which would otherwise ask once per model.
   */
  List<ModelVersion> versionsOf(Collection<ResourceName> models);

  Optional<ModelCard> card(ModelVersionId version);

  /** Inserts or replaces the card of a version. */
  void saveCard(ModelCard card);

  Optional<Alias> alias(ResourceName model, AliasName alias);

  /** The aliases of a model, by name. */
  List<Alias> aliases(ResourceName model);

  /** The aliases of each of {@code models} in one read, by model and name. */
  List<Alias> aliasesOf(Collection<ResourceName> models);

  /** Inserts an alias or points the stored one at its new version. */
  void saveAlias(Alias alias);

  void deleteAlias(ResourceName model, AliasName alias);

  void appendAliasMove(AliasMove move);

  /** The alias history of a model, newest first (in the order the moves were written). */
  List<AliasMove> aliasHistory(ResourceName model);
}
