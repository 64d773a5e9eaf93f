package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.PromotionGrant;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.serving.CanaryEvidence;
import org.mlplatform.domain.serving.CanaryPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.cluster.ClusterBus;
import org.mlplatform.portal.serving.AliasMoved;
import org.mlplatform.portal.serving.CanaryEvidenceBoard;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.Route;
import org.mlplatform.serving.engine.VersionLoadException;
import org.mlplatform.workflows.promotion.CanaryVerdict;
import org.mlplatform.workflows.promotion.DeploymentActions;
import org.mlplatform.workflows.promotion.HealthVerdict;
import org.mlplatform.workflows.promotion.PromotionCase;

/**
 * What promotion steps do to the registry and the serving engine. Alias moves carry the process as
 * their {@link PromotionGrant} and reach serving after the step's transaction commits.
 */
@ApplicationScoped
@Transactional
public class PlatformDeploymentActions implements DeploymentActions {

  /** The actor of steps the engine takes on its own (canary verdicts, rollbacks). */
  static final PlatformUser WORKFLOW = new PlatformUser("workflow", "Workflow engine", Set.of());

  private static final long POLL_MILLIS = 200;

  @Inject private ModelRepository models;
  @Inject private DeploymentService deployments;
  @Inject private CanaryEvidenceBoard counters;
  @Inject private ClusterBus cluster;
  @Inject private Event<AliasMoved> aliasMoved;
  @Inject private AuditRecorder audit;
  @Inject private WorkflowSettings settings;

  /**
   * Counters read when a canary started, by process, so a verdict covers its window only; shared by
   * the nodes, as the verdict's timer may fire on another node than the start.
   */
  static final String CANARY_STARTS = "mlp.canary.starts";

  /** The champion's version and both versions' cluster-wide counters when a canary started. */
  record CanaryStart(int champion, CanaryEvidence championBefore, CanaryEvidence before) {

    String encode() {
      return champion
          + ";"
          + CanaryEvidenceBoard.text(championBefore)
          + ";"
          + CanaryEvidenceBoard.text(before);
    }

    static CanaryStart decode(String text) {
      String[] parts = text.split(";");
      return new CanaryStart(
          Integer.parseInt(parts[0]),
          CanaryEvidenceBoard.parse(parts[1]),
          CanaryEvidenceBoard.parse(parts[2]));
    }
  }

  private Map<String, String> canaryStarts() {
    return cluster.sharedMap(CANARY_STARTS);
  }

  @Override
  public OptionalInt promote(PromotionCase promotion, String approvedBy, String reason) {
    OptionalInt previous = aliasTarget(promotion);
    move(promotion, promotion.version(), approvedBy, reason);
    return previous;
  }

  @Override
  public void startCanary(PromotionCase promotion) {
    Deployment current = deployment(promotion);
    int champion = servedPrimary(promotion).orElse(aliasTarget(promotion).orElse(0));
    Deployment next =
        current.withCanary(new CanaryRoute(promotion.version(), promotion.canaryPercent()));
    apply(next, "canary " + next.canary().orElseThrow(), promotion);
    canaryStarts()
        .put(
            promotion.processInstanceId(),
            new CanaryStart(
                    champion,
                    counters.evidence(ModelVersionId.of(promotion.model(), champion)),
                    counters.evidence(ModelVersionId.of(promotion.model(), promotion.version())))
                .encode());
  }

  @Override
  public CanaryVerdict evaluateCanary(PromotionCase promotion) {
    String started = canaryStarts().get(promotion.processInstanceId());
    CanaryStart start =
        started != null
            ? CanaryStart.decode(started)
            // After a restart of every node the window's start is unknown: judge on what the
            // nodes saw since they started.
            : new CanaryStart(
                servedPrimary(promotion).orElse(0),
                new CanaryEvidence(0, 0, 0),
                new CanaryEvidence(0, 0, 0));
    CanaryEvidence canary =
        counters
            .evidence(ModelVersionId.of(promotion.model(), promotion.version()))
            .since(start.before());
    CanaryEvidence champion =
        counters
            .evidence(ModelVersionId.of(promotion.model(), start.champion()))
            .since(start.championBefore());
    CanaryPolicy.Verdict verdict = settings.canaryPolicy().judge(canary, champion);
    audit.record(
        WORKFLOW,
        verdict.rollOut() ? "model.canary.pass" : "model.canary.fail",
        "model_version:" + ModelVersionId.of(promotion.model(), promotion.version()),
        verdict.reason(),
        Outcome.SUCCESS,
        promotion.processInstanceId(),
        null);
    return new CanaryVerdict(verdict.rollOut(), verdict.reason());
  }

  @Override
  public void endCanary(PromotionCase promotion) {
    canaryStarts().remove(promotion.processInstanceId());
    Deployment current = deployment(promotion);
    if (current.canary().isPresent()) {
      apply(current.withoutCanary(), "canary ended", promotion);
    }
  }

  @Override
  public HealthVerdict verify(PromotionCase promotion) {
    ResourceName model = ResourceName.of("model", promotion.model());
    long deadline = System.nanoTime() + settings.verifyTimeout().toNanos();
    Optional<DeploymentStatus> status = deployments.status(model);
    while (System.nanoTime() < deadline) {
      if (status.isEmpty()) {
        return new HealthVerdict(true, "no deployment serves " + model + ": nothing to verify");
      }
      if (serves(status.get(), promotion.version())) {
        return new HealthVerdict(true, "serves v" + promotion.version() + ", ready");
      }
      pause();
      status = deployments.status(model);
    }
    // A load failure keeps the old version serving, so it shows as a timeout with the error.
    return new HealthVerdict(
        false,
        "v%d was not serving after %d s%s"
            .formatted(
                promotion.version(),
                settings.verifyTimeout().toSeconds(),
                status.flatMap(DeploymentStatus::lastError).map(e -> ": " + e).orElse("")));
  }

  @Override
  public void restore(PromotionCase promotion, int version, String reason) {
    move(promotion, version, promotion.requestedBy(), reason);
    audit.record(
        WORKFLOW,
        "model.alias.restore",
        "model_version:" + ModelVersionId.of(promotion.model(), version),
        promotion.alias() + " back to v" + version + ": " + reason,
        Outcome.SUCCESS,
        promotion.processInstanceId(),
        null);
  }

  private void move(PromotionCase promotion, int version, String approvedBy, String reason) {
    ResourceName model = ResourceName.of("model", promotion.model());
    AliasName alias = AliasName.of("alias", promotion.alias());
    ModelVersionId target = new ModelVersionId(model, version);
    new ModelRegistry(models)
        .setAlias(
            model,
            alias,
            version,
            approvedBy,
            reason,
            new PromotionGrant(target, alias, promotion.processInstanceId(), approvedBy));
    aliasMoved.fire(new AliasMoved(model, alias));
  }

  private OptionalInt aliasTarget(PromotionCase promotion) {
    return models
        .alias(
            ResourceName.of("model", promotion.model()), AliasName.of("alias", promotion.alias()))
        .map(a -> OptionalInt.of(a.version()))
        .orElse(OptionalInt.empty());
  }

  private OptionalInt servedPrimary(PromotionCase promotion) {
    return deployments.status(ResourceName.of("model", promotion.model())).stream()
        .flatMap(s -> s.versions().stream())
        .filter(v -> v.route() == Route.PRIMARY)
        .mapToInt(DeploymentStatus.ServedVersion::version)
        .findFirst();
  }

  private Deployment deployment(PromotionCase promotion) {
    return deployments
        .find(ResourceName.of("model", promotion.model()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    promotion.model() + " has no deployment, so a canary has nothing to share"));
  }

  private void apply(Deployment next, String what, PromotionCase promotion) {
    try {
      deployments.deploy(
          next.updated(WORKFLOW.username(), java.time.Instant.now()),
          WORKFLOW,
          new Origin(promotion.processInstanceId(), null));
    } catch (VersionLoadException e) {
      throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
  }

  private static boolean serves(DeploymentStatus status, int version) {
    return status.ready()
        && status.versions().stream()
            .anyMatch(v -> v.version() == version && v.route() == Route.PRIMARY);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying the deployment", e);
    }
  }
}
