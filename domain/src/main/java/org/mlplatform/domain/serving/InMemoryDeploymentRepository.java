package org.mlplatform.domain.serving;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mlplatform.domain.features.ResourceName;

/** Deployments in memory, for tests and benchmarks. Thread-safe: every method holds the monitor. */
public final class InMemoryDeploymentRepository implements DeploymentRepository {

  private final TreeMap<ResourceName, Deployment> deployments = new TreeMap<>();

  @Override
  public synchronized Optional<Deployment> find(ResourceName model) {
    return Optional.ofNullable(deployments.get(model));
  }

  @Override
  public synchronized List<Deployment> all() {
    return List.copyOf(deployments.values());
  }

  @Override
  public synchronized void save(Deployment deployment) {
    Objects.requireNonNull(deployment, "deployment");
    deployments.put(deployment.model(), deployment);
  }

  @Override
  public synchronized void delete(ResourceName model) {
    deployments.remove(model);
  }
}
