package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Instant;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.PromotionGrant;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.promotion.WorkflowSettings;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.workflows.PromotionDecision;
import org.mlplatform.workflows.ReviewTask;
import org.mlplatform.workflows.WorkflowEngine;
import org.mlplatform.workflows.promotion.PromotionRequest;

/**
 * Promotions and rollbacks: the only ways {@code champion} moves. A data scientist asks (a BPMN
 * process runs the checks and opens a review task), another person reviews (four eyes, enforced in
 * the engine and not only in the portal), and an approval runs the process on to the alias move
 * with a {@link PromotionGrant} naming the process, in the transaction that completes the task.
 */
@ApplicationScoped
@Transactional
public class ModelPromotions {

  public static final int COMMENT_MAX = 2_000;

  @Inject private ModelRepository repository;
  @Inject private PlatformStartup platform;
  @Inject private AuditRecorder audit;
  @Inject private WorkflowSettings settings;
  @Inject private DeploymentService deployments;

  /** What a data scientist asks for. */
  public record Ask(AliasName alias, int canaryPercent, String overrideJustification) {

    public static Ask champion() {
      return new Ask(AliasName.CHAMPION, 0, null);
    }
  }

  /**
   * Starts a promotion; the checks run before this returns. Returns the process instance id.
   *
   * @throws DomainValidationException naming {@code canaryPercent} or {@code overrideJustification}
   * @throws ModelRegistry.ConflictException when the version already holds the alias or a promotion
   *     of it is under way
   */
  public String request(ModelVersionId id, Ask ask, PlatformUser actor, Origin origin) {
    ModelRegistry registry = new ModelRegistry(repository);
    ModelVersion version = registry.version(id); // 404 when missing
    validate(registry, version, ask);
    engine()
        .activePromotion(id.model().value(), id.number())
        .ifPresent(
            p -> {
              throw new ModelRegistry.ConflictException(
                  "a promotion of " + id + " is already under way: process " + p);
            });
    Instant now = Instant.now();
    Instant due = now.plus(settings.reviewDue());
    String processInstance =
        engine()
            .startPromotion(
                new PromotionRequest(
                    version.model().value(),
                    version.number(),
                    ask.alias().value(),
                    actor.username(),
                    ask.canaryPercent(),
                    ask.overrideJustification(),
                    due,
                    due.plus(settings.escalateAfter()),
                    settings.canaryWindow()));
    audit.record(
        actor,
        "model.promotion.request",
        "model_version:" + id,
        "to "
            + ask.alias()
            + (ask.canaryPercent() > 0 ? " via a " + ask.canaryPercent() + "% canary" : "")
            + (ask.overrideJustification() == null
                ? ""
                : ", overriding failed checks: " + ask.overrideJustification())
            + ", process "
            + processInstance,
        Outcome.SUCCESS,
        origin);
    return processInstance;
  }

  /**
   * A reviewer's decision, with a mandatory comment; an approval moves the alias or starts the
   * canary.
   */
  public PromotionDecision decide(
      String taskId, boolean approve, String comment, PlatformUser reviewer, Origin origin) {
    String reason = requiredText("comment", comment);
    PromotionDecision decision =
        engine()
            .inbox()
            .completeReview(taskId, reviewer.username(), reviewer.roleNames(), approve, reason);
    audit.record(
        reviewer,
        approve ? "model.promotion.approve" : "model.promotion.reject",
        "model_version:" + ModelVersionId.of(decision.model(), decision.version()),
        "to " + decision.alias() + ": " + reason + ", process " + decision.processInstanceId(),
        Outcome.SUCCESS,
        origin);
    return decision;
  }

  public ReviewTask claim(String taskId, PlatformUser user, Origin origin) {
    ReviewTask task = engine().inbox().claim(taskId, user.username(), user.roleNames());
    audit.record(user, "task.claim", "task:" + taskId, task.name(), Outcome.SUCCESS, origin);
    return task;
  }

  public ReviewTask unclaim(String taskId, PlatformUser user, Origin origin) {
    ReviewTask task = engine().inbox().unclaim(taskId, user.username(), user.hasRole(Role.ADMIN));
    audit.record(user, "task.unclaim", "task:" + taskId, task.name(), Outcome.SUCCESS, origin);
    return task;
  }

  /**
   * An admin's emergency rollback of {@code champion} to an earlier version: no review, a mandatory
   * reason, reviewers told afterwards. Returns the process instance id.
   */
  public String rollback(ModelVersionId target, String reason, PlatformUser admin, Origin origin) {
    String why = requiredText("reason", reason);
    ModelRegistry registry = new ModelRegistry(repository);
    registry.version(target); // 404 when missing
    boolean alreadyChampion =
        repository
            .alias(target.model(), AliasName.CHAMPION)
            .filter(a -> a.version() == target.number())
            .isPresent();
    if (alreadyChampion) {
      throw new ModelRegistry.ConflictException(target + " is already the champion");
    }
    String process =
        engine()
            .startEmergencyRollback(
                target.model().value(),
                target.number(),
                AliasName.CHAMPION.value(),
                admin.username(),
                why);
    audit.record(
        admin,
        "model.rollback",
        "model_version:" + target,
        "champion back to v" + target.number() + " without review: " + why + ", process " + process,
        Outcome.SUCCESS,
        origin);
    return process;
  }

  private void validate(ModelRegistry registry, ModelVersion version, Ask ask) {
    if (ask.canaryPercent() < 0 || ask.canaryPercent() > 99) {
      throw new DomainValidationException(
          "canaryPercent", "a canary takes 1 to 99 percent of the traffic; 0 promotes at once");
    }
    if (ask.overrideJustification() != null
        && ask.overrideJustification().length() > PromotionRequest.JUSTIFICATION_MAX) {
      throw new DomainValidationException(
          "overrideJustification", "at most " + PromotionRequest.JUSTIFICATION_MAX + " characters");
    }
    boolean holdsAlias =
        repository
            .alias(version.model(), ask.alias())
            .filter(a -> a.version() == version.number())
            .isPresent();
    if (holdsAlias) {
      throw new ModelRegistry.ConflictException(
          version.id() + " already is " + ask.alias() + ": nothing to promote");
    }
    if (ask.canaryPercent() > 0 && deployments.find(version.model()).isEmpty()) {
      throw new DomainValidationException(
          "canaryPercent",
          version.model()
              + " has no deployment yet, so there is no traffic to share: promote without a"
              + " canary");
    }
  }

  private static String requiredText(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new DomainValidationException(field, "is required");
    }
    String stripped = text.strip();
    if (stripped.length() > COMMENT_MAX) {
      throw new DomainValidationException(field, "at most " + COMMENT_MAX + " characters");
    }
    return stripped;
  }

  private WorkflowEngine engine() {
    return platform
        .workflows()
        .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"));
  }
}
