package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.PromotionGrant;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.serving.AliasMoved;
import org.mlplatform.workflows.WorkflowEngine;
import org.mlplatform.workflows.WorkflowEngine.PromotionDecision;

/**
 * Promotions: the only way {@code champion} moves. A data scientist asks (a BPMN process with a
 * review task for the reviewer group), another person reviews (four eyes, enforced here and not
 * only in the portal), and an approval moves the alias in the same transaction that completes the
 * task, with a {@link PromotionGrant} naming the process and the reviewer.
 */
@ApplicationScoped
@Transactional
public class ModelPromotions {

  @Inject private ModelRepository repository;
  @Inject private Event<AliasMoved> aliasMoved;
  @Inject private PlatformStartup platform;
  @Inject private AuditRecorder audit;

  /** Starts a promotion of a version to an alias; returns the process instance id. */
  public String request(ModelVersionId id, AliasName alias, PlatformUser actor, Origin origin) {
    ModelVersion version = new ModelRegistry(repository).version(id); // 404 when missing
    String processInstance =
        engine()
            .startPromotion(
                version.model().value(), version.number(), alias.value(), actor.username());
    audit.record(
        actor,
        "model.promotion.request",
        "model_version:" + id,
        "to " + alias + ", process " + processInstance,
        Outcome.SUCCESS,
        origin);
    return processInstance;
  }

  /** A reviewer's decision; an approval moves the alias. */
  public PromotionDecision decide(
      String taskId, boolean approve, String comment, PlatformUser reviewer, Origin origin) {
    PromotionDecision decision =
        engine().completeReview(taskId, reviewer.username(), approve, comment);
    ModelVersionId target = ModelVersionId.of(decision.model(), decision.version());
    if (decision.approved()) {
      AliasName alias = AliasName.of("alias", decision.alias());
      new ModelRegistry(repository)
          .setAlias(
              target.model(),
              alias,
              target.number(),
              reviewer.username(),
              "promotion " + decision.processInstanceId() + " approved: " + comment,
              new PromotionGrant(target, alias, decision.processInstanceId(), reviewer.username()));
      aliasMoved.fire(new AliasMoved(target.model(), alias));
    }
    audit.record(
        reviewer,
        approve ? "model.promotion.approve" : "model.promotion.reject",
        "model_version:" + target,
        "to " + decision.alias() + (comment == null || comment.isBlank() ? "" : ": " + comment),
        Outcome.SUCCESS,
        origin);
    return decision;
  }

  private WorkflowEngine engine() {
    return platform
        .workflows()
        .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"));
  }
}
