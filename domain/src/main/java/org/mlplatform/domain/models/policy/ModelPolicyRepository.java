package org.mlplatform.domain.models.policy;

import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;

/**
 * Where model policies are kept, one per model. Implementations join the caller's transaction when
 * there is one, so a policy and its audit record commit together. In the database a policy goes
 * when its model is deleted. A model without a stored policy follows {@link ModelPolicy#defaults}.
 */
public interface ModelPolicyRepository {

  /** The model's saved policy; empty when nobody saved one. */
  Optional<ModelPolicy> find(ResourceName model);

  /** Inserts the model's policy or replaces the stored one, per-metric tolerances included. */
  void save(ModelPolicy policy);

  /** Deletes the model's policy, so it follows the defaults again; nothing happens if none. */
  void delete(ResourceName model);
}
