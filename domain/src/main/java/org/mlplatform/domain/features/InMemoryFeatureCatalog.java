package org.mlplatform.domain.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalogue in memory: for tests of the registry's rules and for benchmarks, which need the rules
 * without a database. Not thread-safe.
 */
public final class InMemoryFeatureCatalog implements FeatureCatalog {

  private final TreeMap<ResourceName, EntityDefinition> entities = new TreeMap<>();
  private final List<FeatureViewDefinition> views = new ArrayList<>();
  private final List<FeatureServiceDefinition> services = new ArrayList<>();

  @Override
  public Optional<EntityDefinition> entity(ResourceName name) {
    return Optional.ofNullable(entities.get(name));
  }

  @Override
  public List<EntityDefinition> entities() {
    return List.copyOf(entities.values());
  }

  @Override
  public void saveEntity(EntityDefinition entity) {
    entities.put(entity.name(), entity);
  }

  @Override
  public void deleteEntity(ResourceName name) {
    entities.remove(name);
  }

  @Override
  public Optional<FeatureViewDefinition> latestView(ResourceName name) {
    return viewVersions(name).stream().reduce((a, b) -> b);
  }

  @Override
  public Optional<FeatureViewDefinition> view(ResourceName name, int version) {
    return views.stream().filter(v -> v.name().equals(name) && v.version() == version).findFirst();
  }

  @Override
  public List<FeatureViewDefinition> latestViews() {
    return views.stream()
        .map(FeatureViewDefinition::name)
        .distinct()
        .sorted()
        .map(n -> latestView(n).orElseThrow())
        .toList();
  }

  @Override
  public List<FeatureViewDefinition> viewVersions(ResourceName name) {
    return views.stream()
        .filter(v -> v.name().equals(name))
        .sorted(Comparator.comparingInt(FeatureViewDefinition::version))
        .toList();
  }

  @Override
  public void saveView(FeatureViewDefinition view) {
    views.removeIf(v -> v.name().equals(view.name()) && v.version() == view.version());
    views.add(view);
  }

  @Override
  public void deleteView(ResourceName name) {
    views.removeIf(v -> v.name().equals(name));
  }

  @Override
  public Optional<FeatureServiceDefinition> latestService(ResourceName name) {
    return serviceVersions(name).stream().reduce((a, b) -> b);
  }

  @Override
  public Optional<FeatureServiceDefinition> service(ResourceName name, int version) {
    return services.stream()
        .filter(s -> s.name().equals(name) && s.version() == version)
        .findFirst();
  }

  @Override
  public List<FeatureServiceDefinition> latestServices() {
    return services.stream()
        .map(FeatureServiceDefinition::name)
        .distinct()
        .sorted()
        .map(n -> latestService(n).orElseThrow())
        .toList();
  }

  @Override
  public List<FeatureServiceDefinition> serviceVersions(ResourceName name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .sorted(Comparator.comparingInt(FeatureServiceDefinition::version))
        .toList();
  }

  @Override
  public void saveService(FeatureServiceDefinition service) {
    services.removeIf(s -> s.name().equals(service.name()) && s.version() == service.version());
    services.add(service);
  }

  @Override
  public void deleteService(ResourceName name) {
    services.removeIf(s -> s.name().equals(name));
  }
}
