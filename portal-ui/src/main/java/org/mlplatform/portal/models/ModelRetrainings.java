package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.workflows.retraining.RetrainingTrigger;

/**
 * Retraining by hand: the same process alerts and schedules start, refused up front when there is
 * nothing to retrain from (no champion, or a champion without a training set on this platform).
 */
@ApplicationScoped
@Transactional
public class ModelRetrainings {

  @Inject private ModelRepository models;
  @Inject private PlatformStartup platform;
  @Inject private AuditRecorder audit;

  /** Starts a retraining with the champion's recipe; returns its process instance id. */
  public String request(ResourceName model, String reason, PlatformUser actor, Origin origin) {
    return request(model, reason, Map.of(), actor, origin);
  }

  /**
   * Starts a retraining; {@code hyperparameters} replace the champion's settings of the same name
   * (the label and the imputation values are the platform's and cannot be set).
   */
  public String request(
      ResourceName model,
      String reason,
      Map<String, String> hyperparameters,
      PlatformUser actor,
      Origin origin) {
    for (Map.Entry<String, String> setting : hyperparameters.entrySet()) {
      String key = setting.getKey();
      if (key == null
          || key.isBlank()
          || key.equals("label")
          || key.startsWith(ModelTraining.IMPUTATION_PREFIX)
          || key.contains("=")
          || key.contains("\n")
          || setting.getValue() == null
          || setting.getValue().contains("\n")) {
        throw new DomainValidationException(
            "hyperparameters." + key,
            "a training setting with a one-line value (label and imputation are the platform's)");
      }
    }
    ModelRegistry registry = new ModelRegistry(models);
    registry.model(model); // 404 when missing
    ModelVersion champion =
        models
            .alias(model, AliasName.CHAMPION)
            .map(a -> registry.version(a.target()))
            .orElseThrow(
                () ->
                    new DomainValidationException(
                        "model", model + " has no champion to retrain from"));
    if (champion.lineage().trainingSetId().isEmpty()) {
      throw new DomainValidationException(
          "model",
          "champion v"
              + champion.number()
              + " was not trained on a training set here, so there is no recipe to repeat");
    }
    String why =
        reason == null || reason.isBlank() ? "asked by " + actor.username() : reason.strip();
    String process =
        platform
            .workflows()
            .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"))
            .retrainings()
            .requestRetraining(
                model.value(), RetrainingTrigger.MANUAL, actor.username(), why, hyperparameters);
    audit.record(
        actor,
        "model.retrain.request",
        "model:" + model,
        why
            + (hyperparameters.isEmpty()
                ? ""
                : ", settings " + new java.util.TreeMap<>(hyperparameters))
            + ", process "
            + process,
        Outcome.SUCCESS,
        origin);
    return process;
  }
}
