package org.mlplatform.domain.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlplatform.domain.features.ResourceName;

/**
 * Models in memory, for tests of the registry's rules and for benchmarks, which need the rules
 * without a database. Thread-safe: every method holds the repository's monitor, which is also what
 * makes {@link #nextVersionNumber} safe. There are no transactions, so nothing is locked between
 * calls.
 */
public final class InMemoryModelRepository implements ModelRepository {

  private final TreeMap<ResourceName, ModelDefinition> models = new TreeMap<>();
  private final Map<ResourceName, TreeMap<Integer, ModelVersion>> versions = new HashMap<>();
  private final Map<ResourceName, Integer> lastNumbers = new HashMap<>();
  private final Map<ModelVersionId, ModelCard> cards = new HashMap<>();
  private final Map<ResourceName, TreeMap<AliasName, Alias>> aliases = new HashMap<>();
  private final List<AliasMove> moves = new ArrayList<>();

  @Override
  public synchronized Optional<ModelDefinition> model(ResourceName name) {
    return Optional.ofNullable(models.get(name));
  }

  @Override
  public synchronized Optional<ModelDefinition> modelForUpdate(ResourceName name) {
    return model(name);
  }

  @Override
  public synchronized Page<ModelDefinition> models(String nameContains, PageRequest page) {
    String filter = nameContains == null ? "" : nameContains.strip();
    return Page.of(
        models.values().stream().filter(m -> m.name().value().contains(filter)).toList(), page);
  }

  @Override
  public synchronized void saveModel(ModelDefinition model) {
    models.put(model.name(), model);
  }

  @Override
  public synchronized void deleteModel(ResourceName name) {
    models.remove(name);
    lastNumbers.remove(name);
  }

  @Override
  public synchronized int nextVersionNumber(ResourceName model) {
    return lastNumbers.merge(model, 1, Integer::sum);
  }

  @Override
  public synchronized void insertVersion(ModelVersion version) {
    TreeMap<Integer, ModelVersion> ofModel =
        versions.computeIfAbsent(version.model(), m -> new TreeMap<>());
    if (ofModel.putIfAbsent(version.number(), version) != null) {
      throw new IllegalStateException("version " + version.id() + " already exists");
    }
  }

  @Override
  public synchronized Optional<ModelVersion> version(ModelVersionId id) {
    return Optional.ofNullable(versions.getOrDefault(id.model(), new TreeMap<>()).get(id.number()));
  }

  @Override
  public synchronized Page<ModelVersion> versions(ResourceName model, PageRequest page) {
    return Page.of(
        List.copyOf(versions.getOrDefault(model, new TreeMap<>()).descendingMap().values()), page);
  }

  @Override
  public synchronized long versionCount(ResourceName model) {
    return versions.getOrDefault(model, new TreeMap<>()).size();
  }

  @Override
  public synchronized Optional<ModelCard> card(ModelVersionId version) {
    return Optional.ofNullable(cards.get(version));
  }

  @Override
  public synchronized void saveCard(ModelCard card) {
    cards.put(card.version(), card);
  }

  @Override
  public synchronized Optional<Alias> alias(ResourceName model, AliasName alias) {
    return Optional.ofNullable(aliases.getOrDefault(model, new TreeMap<>()).get(alias));
  }

  @Override
  public synchronized List<ModelVersion> versionsOf(Collection<ResourceName> models) {
    return models.stream()
        .distinct()
        .sorted()
        .flatMap(m -> versions.getOrDefault(m, new TreeMap<>()).descendingMap().values().stream())
        .toList();
  }

  @Override
  public synchronized List<Alias> aliasesOf(Collection<ResourceName> models) {
    return models.stream()
        .distinct()
        .sorted()
        .flatMap(m -> aliases.getOrDefault(m, new TreeMap<>()).values().stream())
        .toList();
  }

  @Override
  public synchronized List<Alias> aliases(ResourceName model) {
    return List.copyOf(aliases.getOrDefault(model, new TreeMap<>()).values());
  }

  @Override
  public synchronized void saveAlias(Alias alias) {
    aliases.computeIfAbsent(alias.model(), m -> new TreeMap<>()).put(alias.name(), alias);
  }

  @Override
  public synchronized void deleteAlias(ResourceName model, AliasName alias) {
    aliases.getOrDefault(model, new TreeMap<>()).remove(alias);
  }

  @Override
  public synchronized void appendAliasMove(AliasMove move) {
    moves.add(move);
  }

  @Override
  public synchronized List<AliasMove> aliasHistory(ResourceName model) {
    return moves.reversed().stream().filter(m -> m.model().equals(model)).toList();
  }
}
