package org.mlplatform.domain.models.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;

/**
 * Model policies in memory, for tests and benchmarks. Thread-safe: every method holds the monitor.
 */
public final class InMemoryModelPolicyRepository implements ModelPolicyRepository {

  private final Map<ResourceName, ModelPolicy> policies = new HashMap<>();

  @Override
  public synchronized Optional<ModelPolicy> find(ResourceName model) {
    return Optional.ofNullable(policies.get(model));
  }

  @Override
  public synchronized void save(ModelPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    policies.put(policy.model(), policy);
  }

  @Override
  public synchronized void delete(ResourceName model) {
    policies.remove(model);
  }
}
