package org.mlplatform.domain.monitoring.policy;

import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;

/**
 * Where monitoring policies are kept, one per model. Implementations join the caller's transaction
 * when there is one, so a policy and its audit record commit together. In the database a policy
 * goes when its model is deleted. A model without a stored policy follows {@link
 * MonitoringPolicy#defaults}.
 */
public interface MonitoringPolicyRepository {

  /** The model's saved policy; empty when nobody saved one. */
  Optional<MonitoringPolicy> find(ResourceName model);

  /**
   * Inserts the model's policy or replaces the stored one, its feature overrides replaced whole.
   */
  void save(MonitoringPolicy policy);

  /** Deletes the model's policy, so it follows the defaults again; nothing happens if none. */
  void delete(ResourceName model);

  /** Every saved policy, by model name; models without one are not listed. */
  List<MonitoringPolicy> all();
}
