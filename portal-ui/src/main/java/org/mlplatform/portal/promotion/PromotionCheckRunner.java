package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.workflows.promotion.CheckResult;
import org.mlplatform.workflows.promotion.PromotionCase;
import org.mlplatform.workflows.promotion.PromotionChecks;

/**
 * Runs the promotion checks against the version the alias points at now (the one callers reach):
 * signature, metrics, a smoke inference and drift. A check that throws counts as failed with the
 * reason, so a broken check never passes a promotion silently.
 */
@ApplicationScoped
public class PromotionCheckRunner implements PromotionChecks {

  private static final Logger LOG = Logger.getLogger(PromotionCheckRunner.class.getName());

  @Inject private ModelRepository models;
  @Inject private SignatureCheck signature;
  @Inject private MetricsCheckStep metrics;
  @Inject private SmokeCheck smoke;
  @Inject private DriftCheckStep drift;

  @Override
  public List<CheckResult> run(PromotionCase promotion) {
    ModelRegistry registry = new ModelRegistry(models);
    ModelVersion candidate =
        registry.version(ModelVersionId.of(promotion.model(), promotion.version()));
    Optional<ModelVersion> incumbent = incumbent(registry, promotion);
    List<CheckResult> results = new ArrayList<>();
    results.add(safely(SignatureCheck.NAME, () -> signature.check(candidate, incumbent)));
    results.add(safely(MetricsCheckStep.NAME, () -> metrics.check(candidate, incumbent)));
    results.add(safely(SmokeCheck.NAME, () -> smoke.check(candidate)));
    results.add(safely(DriftCheckStep.NAME, () -> drift.check(candidate)));
    return results;
  }

  /** The version the alias points at, unless that is the candidate itself. */
  private Optional<ModelVersion> incumbent(ModelRegistry registry, PromotionCase promotion) {
    return models
        .alias(
            ResourceName.of("model", promotion.model()), AliasName.of("alias", promotion.alias()))
        .filter(a -> a.version() != promotion.version())
        .map(a -> registry.version(a.target()));
  }

  private static CheckResult safely(String name, java.util.function.Supplier<CheckResult> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "promotion check " + name + " could not run", e);
      return CheckResult.failed(name, "could not run: " + e.getMessage());
    }
  }
}
