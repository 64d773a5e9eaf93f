package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.compare.SignatureChange;
import org.mlplatform.domain.models.compare.VersionComparison;
import org.mlplatform.workflows.promotion.CheckResult;

/** Whether everything callers send the version behind the alias today fits the candidate. */
@ApplicationScoped
public class SignatureCheck {

  static final String NAME = "signature";

  CheckResult check(ModelVersion candidate, Optional<ModelVersion> incumbent) {
    if (incumbent.isEmpty()) {
      return CheckResult.skipped(NAME, "no version serves the alias yet, so no callers to break");
    }
    VersionComparison comparison = VersionComparison.between(incumbent.get(), candidate);
    if (comparison.callersFit()) {
      return CheckResult.passed(
          NAME,
          "callers of v"
              + incumbent.get().number()
              + " fit: "
              + (comparison.signatureChanges().isEmpty()
                  ? "same inputs and outputs"
                  : comparison.signatureChanges().size() + " compatible change(s)"));
    }
    return CheckResult.failed(
        NAME,
        "callers of v"
            + incumbent.get().number()
            + " would break: "
            + comparison.signatureChanges().stream()
                .filter(SignatureChange::breaksCallers)
                .map(SignatureCheck::describe)
                .collect(Collectors.joining("; ")));
  }

  private static String describe(SignatureChange change) {
    return change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " "
        + change.name()
        + (change.before().isEmpty() ? "" : " (was " + change.before() + ")")
        + (change.after().isEmpty() ? "" : " (now " + change.after() + ")");
  }
}
