package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.policy.MetricsCheck;
import org.mlplatform.domain.models.policy.MetricsVerdict;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.workflows.promotion.CheckResult;

/** The candidate's held-out metrics against the incumbent's, within the model's tolerance. */
@ApplicationScoped
public class MetricsCheckStep {

  static final String NAME = "metrics";

  @Inject private ModelPolicyRepository policies;

  CheckResult check(ModelVersion candidate, Optional<ModelVersion> incumbent) {
    if (incumbent.isEmpty()) {
      return CheckResult.skipped(NAME, "no version holds the alias yet, so nothing to compare");
    }
    ModelPolicy policy =
        policies.find(candidate.model()).orElse(ModelPolicy.defaults(candidate.model()));
    MetricsVerdict verdict =
        MetricsCheck.judge(incumbent.get().metrics(), candidate.metrics(), policy);
    String detail = String.join("; ", verdict.sentences());
    if (verdict.nothingToCompare()) {
      return CheckResult.skipped(NAME, "nothing to compare: " + detail);
    }
    return verdict.failed() ? CheckResult.failed(NAME, detail) : CheckResult.passed(NAME, detail);
  }
}
