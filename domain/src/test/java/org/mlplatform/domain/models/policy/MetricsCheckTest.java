package org.mlplatform.domain.models.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.MetricFinding.Status;
import org.mlplatform.domain.models.policy.MetricsVerdict.Result;

class MetricsCheckTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final ModelPolicy DEFAULTS = ModelPolicy.defaults(FRAUD);

  private static ModelPolicy policy(double tolerance, Map<String, Double> overrides) {
    return new ModelPolicy(
        FRAUD, tolerance, 0, Optional.empty(), overrides, "alice", Instant.EPOCH);
  }

  @Test
  void aCandidateWorseThanTheToleranceFailsWithASentenceSayingBy() {
    MetricsVerdict verdict =
        MetricsCheck.judge(Map.of("accuracy", 0.86), Map.of("accuracy", 0.81), DEFAULTS);

    assertThat(verdict.result()).isEqualTo(Result.FAILED);
    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.sentences())
        .containsExactly("accuracy 0.81 vs champion 0.86: 0.05 worse, tolerance 0.01");
    MetricFinding finding = verdict.findings().getFirst();
    assertThat(finding.status()).isEqualTo(Status.FAILED);
    assertThat(finding.improvement()).hasValue(-0.05);
    assertThat(finding.tolerance()).isEqualTo(0.01);
    assertThat(finding.direction()).contains(MetricDirection.HIGHER_IS_BETTER);
    assertThat(verdict.summary())
        .isEqualTo(
            "metrics check failed: accuracy 0.81 vs champion 0.86: 0.05 worse, tolerance 0.01");
  }

  @Test
  void worseByExactlyTheTolerancePasses() {
    MetricsVerdict verdict =
        MetricsCheck.judge(Map.of("accuracy", 0.86), Map.of("accuracy", 0.85), DEFAULTS);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.sentences())
        .containsExactly("accuracy 0.85 vs champion 0.86: 0.01 worse, within tolerance 0.01");
  }

  @Test
  void betterAndUnchangedPass() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("accuracy", 0.86, "rmse", 1.25, "f1", 0.7),
            Map.of("accuracy", 0.9, "rmse", 1.0, "f1", 0.7),
            DEFAULTS);

    assertThat(verdict.result()).isEqualTo(Result.PASSED);
    assertThat(verdict.sentences())
        .containsExactly(
            "accuracy 0.9 vs champion 0.86: 0.04 better",
            "f1 0.7 vs champion 0.7: unchanged",
            "rmse 1 vs champion 1.25: 0.25 better");
    assertThat(verdict.summary()).isEqualTo("metrics check passed: 3 metrics within tolerance");
  }

  @Test
  void lowerIsBetterForErrors() {
    MetricsVerdict verdict = MetricsCheck.judge(Map.of("rmse", 1.2), Map.of("rmse", 1.3), DEFAULTS);

    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.sentences())
        .containsExactly("rmse 1.3 vs champion 1.2: 0.1 worse, tolerance 0.01");
  }

  @Test
  void perMetricTolerancesApply() {
    ModelPolicy policy = policy(0.01, Map.of("rmse", 0.5));

    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("rmse", 10.0, "r2", 0.9), Map.of("rmse", 10.4, "r2", 0.895), policy);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.sentences())
        .containsExactly(
            "r2 0.895 vs champion 0.9: 0.005 worse, within tolerance 0.01",
            "rmse 10.4 vs champion 10: 0.4 worse, within tolerance 0.5");
  }

  @Test
  void zeroToleranceRefusesAnyLoss() {
    MetricsVerdict verdict =
        MetricsCheck.judge(Map.of("auc", 0.9), Map.of("auc", 0.8999), policy(0, Map.of()));

    assertThat(verdict.sentences())
        .containsExactly("auc 0.8999 vs champion 0.9: 0.0001 worse, tolerance 0");
    assertThat(verdict.failed()).isTrue();
  }

  @Test
  void oneFailingMetricFailsTheCheckAndTheSummaryNamesOnlyIt() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("accuracy", 0.9, "log_loss", 0.30),
            Map.of("accuracy", 0.95, "log_loss", 0.45),
            DEFAULTS);

    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.findings(Status.PASSED))
        .extracting(MetricFinding::metric)
        .containsExactly("accuracy");
    assertThat(verdict.summary())
        .isEqualTo(
            "metrics check failed: log_loss 0.45 vs champion 0.3: 0.15 worse, tolerance 0.01");
  }

  @Test
  void metricsOnlyOneSideHasAreListedAsNotCompared() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("accuracy", 0.86, "auc", 0.91), Map.of("accuracy", 0.87, "f1", 0.8), DEFAULTS);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.sentences())
        .containsExactly(
            "accuracy 0.87 vs champion 0.86: 0.01 better",
            "auc 0.91: only the champion reports it, not compared",
            "f1 0.8: only the candidate reports it, not compared");
    assertThat(verdict.findings(Status.NOT_COMPARED))
        .extracting(MetricFinding::metric)
        .containsExactly("auc", "f1");
    assertThat(verdict.summary()).isEqualTo("metrics check passed: 1 metric within tolerance");
  }

  @Test
  void metricsWithAnUnknownDirectionAreListedAsNotJudged() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("accuracy", 0.86, "latency_ms", 3.0),
            Map.of("accuracy", 0.86, "latency_ms", 30.0),
            DEFAULTS);

    assertThat(verdict.passed()).isTrue();
    MetricFinding latency = verdict.findings(Status.NOT_JUDGED).getFirst();
    assertThat(latency.sentence())
        .isEqualTo(
            "latency_ms 30 vs champion 3: not judged, whether higher or lower is better is unknown");
    assertThat(latency.improvement()).isEmpty();
    assertThat(latency.direction()).isEmpty();
  }

  @Test
  void noSharedMetricIsNothingToCompare() {
    MetricsVerdict verdict = MetricsCheck.judge(Map.of("auc", 0.9), Map.of("rmse", 1.0), DEFAULTS);

    assertThat(verdict.result()).isEqualTo(Result.NOTHING_TO_COMPARE);
    assertThat(verdict.nothingToCompare()).isTrue();
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failed()).isFalse();
    assertThat(verdict.findings()).hasSize(2);
    assertThat(verdict.summary())
        .isEqualTo("nothing to compare: the candidate and the champion share no metric");
  }

  @Test
  void noMetricsAtAllIsNothingToCompare() {
    MetricsVerdict verdict = MetricsCheck.judge(Map.of(), Map.of(), DEFAULTS);

    assertThat(verdict.nothingToCompare()).isTrue();
    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void sharedMetricsThatCannotBeJudgedAreNothingToCompare() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("latency_ms", 3.0, "custom", 1.0),
            Map.of("latency_ms", 4.0, "custom", 2.0, "f1", 0.5),
            DEFAULTS);

    assertThat(verdict.nothingToCompare()).isTrue();
    assertThat(verdict.summary())
        .isEqualTo(
            "nothing to compare: the metrics the candidate and the champion share (custom,"
                + " latency_ms) have no known better direction");
  }

  @Test
  void nonFiniteValuesCountAsNotReported() {
    Map<String, Double> champion = new HashMap<>();
    champion.put("accuracy", Double.NaN);
    champion.put("f1", null);

    MetricsVerdict verdict =
        MetricsCheck.judge(champion, Map.of("accuracy", 0.5, "f1", 0.5), DEFAULTS);

    assertThat(verdict.nothingToCompare()).isTrue();
    assertThat(verdict.findings(Status.NOT_COMPARED)).hasSize(2);
  }

  @Test
  void numbersAreShownWithSixSignificantDigitsAtMost() {
    MetricsVerdict verdict =
        MetricsCheck.judge(
            Map.of("rmse", 1234567.0, "accuracy", 0.8612345678),
            Map.of("rmse", 1234567.0, "accuracy", 1.0 / 3),
            DEFAULTS);

    assertThat(verdict.sentences())
        .containsExactly(
            "accuracy 0.333333 vs champion 0.861235: 0.527901 worse, tolerance 0.01",
            "rmse 1234570 vs champion 1234570: unchanged");
    assertThat(MetricsCheck.show(0.0)).isEqualTo("0");
    assertThat(MetricsCheck.show(-2.5e-7)).isEqualTo("-0.00000025");
  }

  @Test
  void improvementIsSignedInTheMetricsGoodDirection() {
    Map<String, Double> champion = Map.of("accuracy", 0.86, "rmse", 1.2, "custom", 1.0);
    Map<String, Double> candidate = Map.of("accuracy", 0.88, "rmse", 1.5, "custom", 2.0);

    assertThat(MetricsCheck.improvement(champion, candidate, "accuracy")).hasValue(0.02);
    assertThat(MetricsCheck.improvement(champion, candidate, "rmse")).hasValue(-0.3);
    assertThat(MetricsCheck.improvement(champion, candidate, "custom")).isEmpty();
    assertThat(MetricsCheck.improvement(champion, candidate, "f1")).isEmpty();
    assertThat(MetricsCheck.improvement(Map.of(), candidate, "accuracy")).isEmpty();
  }

  @Test
  void theRetrainingMarginDecidesWhatIsWorthProposing() {
    ModelPolicy policy =
        new ModelPolicy(FRAUD, 0.01, 0.02, Optional.empty(), Map.of(), "alice", Instant.EPOCH);
    Map<String, Double> champion = Map.of("accuracy", 0.86);

    assertThat(
            policy.improvesEnough(
                MetricsCheck.improvement(champion, Map.of("accuracy", 0.88), "accuracy")
                    .orElseThrow()))
        .isTrue();
    assertThat(
            policy.improvesEnough(
                MetricsCheck.improvement(champion, Map.of("accuracy", 0.87), "accuracy")
                    .orElseThrow()))
        .isFalse();
  }
}
