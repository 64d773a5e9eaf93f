package org.mlplatform.domain.monitoring;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift verdict for one column.
 *
 * <p>A {@link DriftStatus#COMPUTED} result has every optional field present and no reason. A {@link
 * DriftStatus#NOT_COMPUTABLE} result has a reason, no score and no PSI, is never drifted, and has
 * kind, method and threshold only where the data allowed them to be decided.
 *
 * @param column the column's name
 * @param kind how the values were compared
 * @param method the test used
 * @param threshold the threshold the score was held against
 * @param score Evidently's {@code drift_score}: the p-value of a p-value method, the distance of a
 *     distance method
 * @param drifted whether the score crossed the threshold in the method's direction
 * @param psi population stability index, reported whatever the method
 * @param psiBand the band the PSI falls in
 * @param reference rows and missing rows of the reference
 * @param current rows and missing rows of the current data
 * @param status whether a score could be computed
 * @param reason why not, for a result that is not computable
 */
public record ColumnDriftResult(
    String column,
    Optional<ColumnKind> kind,
    Optional<DriftMethod> method,
    OptionalDouble threshold,
    OptionalDouble score,
    boolean drifted,
    OptionalDouble psi,
    Optional<PsiBand> psiBand,
    SampleCounts reference,
    SampleCounts current,
    DriftStatus status,
    Optional<String> reason) {

  public ColumnDriftResult {
    Require.nonBlank(column, "column");
    Require.nonNull(kind, "kind");
    Require.nonNull(method, "method");
    Require.nonNull(threshold, "threshold");
    Require.nonNull(score, "score");
    Require.nonNull(psi, "psi");
    Require.nonNull(psiBand, "psiBand");
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Require.nonNull(status, "status");
    Require.nonNull(reason, "reason");
    threshold.ifPresent(value -> Require.nonNegativeFinite(value, "threshold"));
    score.ifPresent(value -> Require.nonNegativeFinite(value, "score"));
    psi.ifPresent(value -> Require.nonNegativeFinite(value, "psi"));
    if (status == DriftStatus.COMPUTED) {
      checkComputed(kind, method, threshold, score, drifted, psi, psiBand, reason);
    } else {
      checkNotComputable(score, drifted, psi, psiBand, reason);
    }
  }

  static ColumnDriftResult computed(
      String column,
      ColumnKind kind,
      DriftMethod method,
      double threshold,
      double score,
      double psi,
      SampleCounts reference,
      SampleCounts current) {
    return new ColumnDriftResult(
        column,
        Optional.of(kind),
        Optional.of(method),
        OptionalDouble.of(threshold),
        OptionalDouble.of(score),
        method.drifted(score, threshold),
        OptionalDouble.of(psi),
        Optional.of(PsiBand.of(psi)),
        reference,
        current,
        DriftStatus.COMPUTED,
        Optional.empty());
  }

  static ColumnDriftResult notComputable(
      String column,
      Optional<ColumnKind> kind,
      Optional<DriftMethod> method,
      OptionalDouble threshold,
      SampleCounts reference,
      SampleCounts current,
      String reason) {
    return new ColumnDriftResult(
        column,
        kind,
        method,
        threshold,
        OptionalDouble.empty(),
        false,
        OptionalDouble.empty(),
        Optional.empty(),
        reference,
        current,
        DriftStatus.NOT_COMPUTABLE,
        Optional.of(Require.nonBlank(reason, "reason")));
  }

  public boolean isComputed() {
    return status == DriftStatus.COMPUTED;
  }

  private static void checkComputed(
      Optional<ColumnKind> kind,
      Optional<DriftMethod> method,
      OptionalDouble threshold,
      OptionalDouble score,
      boolean drifted,
      OptionalDouble psi,
      Optional<PsiBand> psiBand,
      Optional<String> reason) {
    Require.that(kind.isPresent(), "kind", "a computed result needs a kind");
    Require.that(method.isPresent(), "method", "a computed result needs a method");
    Require.that(threshold.isPresent(), "threshold", "a computed result needs a threshold");
    Require.that(score.isPresent(), "score", "a computed result needs a score");
    Require.that(psi.isPresent(), "psi", "a computed result needs a PSI");
    Require.that(reason.isEmpty(), "reason", "a computed result has no reason");
    Require.that(
        drifted == method.get().drifted(score.getAsDouble(), threshold.getAsDouble()),
        "drifted",
        "drifted must agree with score, threshold and method");
    Require.that(
        psiBand.equals(Optional.of(PsiBand.of(psi.getAsDouble()))),
        "psiBand",
        "psiBand must be the band of psi");
  }

  private static void checkNotComputable(
      OptionalDouble score,
      boolean drifted,
      OptionalDouble psi,
      Optional<PsiBand> psiBand,
      Optional<String> reason) {
    Require.that(
        reason.filter(text -> !text.isBlank()).isPresent(),
        "reason",
        "a result that is not computable needs a reason");
    Require.that(score.isEmpty(), "score", "a result that is not computable has no score");
    Require.that(!drifted, "drifted", "a result that is not computable is not drifted");
    Require.that(
        psi.isEmpty() && psiBand.isEmpty(), "psi", "a result that is not computable has no PSI");
  }
}
