package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.boot.PlatformStartup;

/**
 * Reading and setting a model's governance policy. One transaction per call: a saved policy and its
 * audit record commit together (the policy repository's JDBC connection is enlisted in the same JTA
 * transaction as Hibernate's).
 */
@ApplicationScoped
@Transactional
public class ModelPolicies {

  /** Longest audit summary: the audit table's column holds 2000 characters. */
  private static final int SUMMARY_MAX = 1500;

  @Inject private ModelPolicyRepository policies;
  @Inject private ModelRepository models;
  @Inject private AuditRecorder audit;
  @Inject private PlatformStartup platform;

  private final Clock clock = Clock.systemUTC();

  /**
   * A model's policy as it applies now.
   *
   * @param saved false when nobody set one and the model follows {@link ModelPolicy#defaults}
   */
  public record Current(ModelPolicy policy, boolean saved) {

    public Current {
      Objects.requireNonNull(policy, "policy");
    }
  }

  /**
   * What a person sets: a policy without who saved it and when. Checked when it becomes a policy.
   *
   * @param retrainingEvery empty for no retraining schedule
   * @param metricTolerances per-metric tolerances; null for none
   */
  public record Terms(
      double metricTolerance,
      double retrainingMargin,
      Optional<Duration> retrainingEvery,
      Map<String, Double> metricTolerances) {

    public Terms {
      retrainingEvery = Objects.requireNonNullElse(retrainingEvery, Optional.<Duration>empty());
    }

    /** The terms of {@code policy}. */
    public static Terms of(ModelPolicy policy) {
      return new Terms(
          policy.metricTolerance(),
          policy.retrainingMargin(),
          policy.retrainingEvery(),
          policy.metricTolerances());
    }
  }

  /**
   * The model's saved policy, or its defaults.
   *
   * @throws ModelRegistry.NotFoundException when there is no such model
   */
  public Current current(ResourceName model) {
    new ModelRegistry(models).model(model);
    return policies
        .find(model)
        .map(policy -> new Current(policy, true))
        .orElseGet(() -> new Current(ModelPolicy.defaults(model), false));
  }

  /**
   * Sets the model's policy, saved by {@code actor} now, with an audit record. Saves of one model
   * follow one another (they lock the model's row, as alias moves do).
   *
   * @throws ModelRegistry.NotFoundException when there is no such model
   * @throws org.mlplatform.domain.DomainValidationException naming the field when a term is out of
   *     range
   */
  public ModelPolicy save(ResourceName model, Terms terms, PlatformUser actor, Origin origin) {
    models
        .modelForUpdate(model)
        .orElseThrow(() -> new ModelRegistry.NotFoundException("no model named " + model));
    ModelPolicy policy =
        new ModelPolicy(
            model,
            terms.metricTolerance(),
            terms.retrainingMargin(),
            terms.retrainingEvery(),
            terms.metricTolerances(),
            actor.username(),
            // What the database keeps: the answer and a later read agree.
            Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    Optional<ModelPolicy> before = policies.find(model);
    boolean existed = before.isPresent();
    policies.save(policy);
    if (!before.map(ModelPolicy::retrainingEvery).equals(Optional.of(policy.retrainingEvery()))) {
      // The schedule is a process of its own; it changes in this transaction too.
      platform
          .workflows()
          .orElseThrow(() -> new ServiceUnavailableException("the workflow engine is starting"))
          .retrainings()
          .scheduleRetraining(model.value(), policy.retrainingEvery());
    }
    audit.record(
        actor,
        existed ? "model.policy.update" : "model.policy.create",
        "model:" + model,
        summary(policy),
        Outcome.SUCCESS,
        origin);
    return policy;
  }

  /** For example {@code tolerance 0.01, margin 0, retrain every P7D, per metric: rmse 0.5}. */
  static String summary(ModelPolicy policy) {
    String text =
        "tolerance "
            + policy.metricTolerance()
            + ", margin "
            + policy.retrainingMargin()
            + ", retrain every "
            + policy.retrainingEvery().map(ModelPolicy::formatRetrainingEvery).orElse("-")
            + (policy.metricTolerances().isEmpty()
                ? ""
                : ", per metric: "
                    + policy.metricTolerances().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
    return text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX) + "...";
  }
}
