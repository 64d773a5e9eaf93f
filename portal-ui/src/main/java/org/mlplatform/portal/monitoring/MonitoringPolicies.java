package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelStore;

/** A model's monitoring policy as people set it; each save commits with its audit record. */
@ApplicationScoped
@Transactional
public class MonitoringPolicies {

  /** The policy in force, and whether somebody saved it (else it is the defaults). */
  public record Current(MonitoringPolicy policy, boolean saved) {}

  /** One feature's override as given: a method name such as {@code wasserstein}, or null. */
  public record Override(String feature, Boolean categorical, String method, Double threshold) {}

  /**
   * A policy as given; a field left out (null) takes its default.
   *
   * @param window and {@code evaluateEvery}: ISO-8601 durations ({@code PT24H})
   */
  public record Terms(
      Double driftShare,
      String window,
      Integer windowPredictions,
      String evaluateEvery,
      List<Override> overrides) {}

  @Inject private MonitoringPolicyRepository policies;
  @Inject private ModelStore models;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  public Current current(ResourceName model) {
    models.model(model); // 404 for an unknown model
    return policies
        .find(model)
        .map(p -> new Current(p, true))
        .orElse(new Current(MonitoringPolicy.defaults(model), false));
  }

  /**
   * @throws DomainValidationException naming the field at fault
   */
  public MonitoringPolicy save(ResourceName model, Terms terms, PlatformUser actor, Origin origin) {
    models.model(model);
    MonitoringPolicy policy =
        new MonitoringPolicy(
            model,
            Objects.requireNonNullElse(terms.driftShare(), MonitoringPolicy.DEFAULT_DRIFT_SHARE),
            duration("window", terms.window(), MonitoringPolicy.DEFAULT_WINDOW),
            Objects.requireNonNullElse(
                terms.windowPredictions(), MonitoringPolicy.DEFAULT_WINDOW_PREDICTIONS),
            duration(
                "evaluateEvery", terms.evaluateEvery(), MonitoringPolicy.DEFAULT_EVALUATE_EVERY),
            overrides(terms.overrides()),
            actor.username(),
            clock.instant());
    policies.save(policy);
    audit.record(
        actor,
        "monitoring.policy.save",
        "model:" + model,
        "drift share "
            + policy.driftShare()
            + ", window "
            + policy.window()
            + " or "
            + policy.windowPredictions()
            + " predictions, every "
            + policy.evaluateEvery()
            + ", "
            + policy.overrides().size()
            + " overrides",
        Outcome.SUCCESS,
        origin);
    return policy;
  }

  private static List<FeatureDriftOverride> overrides(List<Override> given) {
    List<FeatureDriftOverride> overrides = new ArrayList<>();
    if (given == null) {
      return overrides;
    }
    for (int i = 0; i < given.size(); i++) {
      Override o = given.get(i);
      String field = "overrides[" + i + "]";
      if (o == null) {
        throw new DomainValidationException(field, "an override is an object, not null");
      }
      try {
        overrides.add(
            new FeatureDriftOverride(
                o.feature(),
                Boolean.TRUE.equals(o.categorical()),
                method(field, o.method()),
                o.threshold() == null ? OptionalDouble.empty() : OptionalDouble.of(o.threshold())));
      } catch (IllegalArgumentException e) {
        String at = e instanceof DomainValidationException d ? "." + d.field() : "";
        throw new DomainValidationException(field + at, e.getMessage());
      }
    }
    return overrides;
  }

  private static Optional<DriftMethod> method(String field, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          DriftMethod.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException(
          field + ".method",
          "unknown method "
              + name
              + "; use kolmogorov_smirnov, chi_square, z_test, wasserstein, jensen_shannon or psi");
    }
  }

  private static Duration duration(String field, String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new DomainValidationException(field, field + " is not an ISO-8601 duration: " + text);
    }
  }
}
