package org.mlplatform.domain.models.compare;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;

/**
 * Two versions side by side: a reviewer sees at a glance whether the candidate scores better,
 * whether callers of the base would still fit it, and what data and settings made the difference.
 *
 * @param metrics every metric either version reports, by name
 * @param signatureChanges differences in inputs, outputs, opset and producer
 * @param lineageChanges differences in training data, features, labels, parent, algorithm and
 *     hyperparameters
 */
public record VersionComparison(
    ModelVersionId base,
    ModelVersionId candidate,
    List<MetricDelta> metrics,
    List<SignatureChange> signatureChanges,
    List<LineageChange> lineageChanges) {

  public VersionComparison {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(candidate, "candidate");
    metrics = List.copyOf(metrics);
    signatureChanges = List.copyOf(signatureChanges);
    lineageChanges = List.copyOf(lineageChanges);
  }

  public static VersionComparison between(ModelVersion base, ModelVersion candidate) {
    return new VersionComparison(
        base.id(),
        candidate.id(),
        metrics(base.metrics(), candidate.metrics()),
        SignatureDiff.between(base.signature(), candidate.signature()),
        LineageDiff.between(
            base.lineage(),
            candidate.lineage(),
            base.hyperparameters(),
            candidate.hyperparameters()));
  }

  /** Whether every caller of the base version can call the candidate unchanged. */
  public boolean callersFit() {
    return signatureChanges.stream().noneMatch(SignatureChange::breaksCallers);
  }

  private static List<MetricDelta> metrics(Map<String, Double> base, Map<String, Double> other) {
    Set<String> names = new TreeSet<>(base.keySet());
    names.addAll(other.keySet());
    return names.stream()
        .map(name -> new MetricDelta(name, value(base, name), value(other, name)))
        .toList();
  }

  private static OptionalDouble value(Map<String, Double> metrics, String name) {
    Double value = metrics.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
