package org.mlplatform.domain.serving;

import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;

/**
 * Where deployments are kept, one per model. Implementations join the caller's transaction or run
 * in their own. In the database a deployment goes when its model is deleted.
 */
public interface DeploymentRepository {

  Optional<Deployment> find(ResourceName model);

  /** Every deployment, by model name. */
  List<Deployment> all();

  /** Inserts the model's deployment or replaces the stored one. */
  void save(Deployment deployment);

  /** Deletes the model's deployment; nothing happens if there is none. */
  void delete(ResourceName model);
}
