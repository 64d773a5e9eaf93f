package org.mlplatform.portal.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.DeploymentRepository;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.cluster.ClusterOutbox;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.VersionLoadException;

/**
 * Creating, changing and removing deployments. The engine loads and swaps first, off any
 * transaction; only a deployment that loaded is saved (with its audit record), so a broken model
 * never becomes the saved state that the next start would try again.
 */
@ApplicationScoped
public class DeploymentService {

  @Inject private ServingRuntime runtime;
  @Inject private DeploymentRecords records;
  @Inject private DeploymentRepository repository;
  @Inject private ModelRepository models;
  @Inject private ClusterOutbox cluster;

  /** Loads and swaps, then saves; a version that does not load leaves everything as it was. */
  public DeploymentStatus deploy(Deployment deployment, PlatformUser actor, Origin origin)
      throws VersionLoadException {
    new ModelRegistry(models).model(deployment.model());
    Optional<Deployment> previous = repository.find(deployment.model());
    DeploymentStatus status = runtime.engine().apply(deployment);
    try {
      records.save(deployment, previous.isPresent(), actor, origin);
    } catch (RuntimeException e) {
      restore(deployment.model(), previous);
      throw e;
    }
    cluster.deploymentChanged(deployment.model());
    return status;
  }

  public void remove(ResourceName model, PlatformUser actor, Origin origin) {
    records.delete(model, actor, origin);
    runtime.engine().remove(model);
    cluster.deploymentChanged(model);
  }

  public Optional<Deployment> find(ResourceName model) {
    return repository.find(model);
  }

  public List<Deployment> all() {
    return repository.all();
  }

  public Optional<DeploymentStatus> status(ResourceName model) {
    return runtime.engine().status(model);
  }

  private void restore(ResourceName model, Optional<Deployment> previous) {
    try {
      if (previous.isPresent()) {
        runtime.engine().apply(previous.get());
      } else {
        runtime.engine().remove(model);
      }
    } catch (VersionLoadException | RuntimeException e) {
      // The save failed for its own reason, which is what the caller hears.
    }
  }

  /** The transactional half: the saved deployment and its audit record commit together. */
  @ApplicationScoped
  @Transactional
  public static class DeploymentRecords {

    @Inject private DeploymentRepository repository;
    @Inject private AuditRecorder audit;

    public void save(Deployment deployment, boolean existed, PlatformUser actor, Origin origin) {
      repository.save(deployment);
      audit.record(
          actor,
          existed ? "deployment.update" : "deployment.create",
          "deployment:" + deployment.model(),
          summary(deployment),
          Outcome.SUCCESS,
          origin);
    }

    public void delete(ResourceName model, PlatformUser actor, Origin origin) {
      if (repository.find(model).isEmpty()) {
        throw new ModelRegistry.NotFoundException("model " + model + " is not deployed");
      }
      repository.delete(model);
      audit.record(
          actor, "deployment.delete", "deployment:" + model, "removed", Outcome.SUCCESS, origin);
    }

    private static String summary(Deployment d) {
      return "alias "
          + d.alias()
          + d.canary().map(c -> ", canary v" + c.version() + " " + c.percent() + "%").orElse("")
          + (d.shadowVersion().isPresent() ? ", shadow v" + d.shadowVersion().getAsInt() : "")
          + (d.batching().enabled()
              ? ", batching " + d.batching().maxBatchSize() + "/" + d.batching().maxDelay()
              : "")
          + (d.cacheEntries() > 0 ? ", cache " + d.cacheEntries() : "");
    }
  }
}
