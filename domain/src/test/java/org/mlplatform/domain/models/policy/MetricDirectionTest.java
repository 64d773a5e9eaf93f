package org.mlplatform.domain.models.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.models.policy.MetricDirection.HIGHER_IS_BETTER;
import static org.mlplatform.domain.models.policy.MetricDirection.LOWER_IS_BETTER;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricDirectionTest {

  /**
   * Every metric the platform's Tribuo trainer records (workflows: {@code ClassifierTraining} and
   * {@code RegressorTraining}); keep in step when the trainer records a new one.
   */
  private static final String[] TRAINER_HIGHER = {
    "accuracy",
    "precision_macro",
    "recall_macro",
    "f1_macro",
    "precision",
    "recall",
    "f1",
    "auc",
    "auc_macro",
    "r2"
  };

  private static final String[] TRAINER_LOWER = {"log_loss", "rmse", "mae"};

  @Test
  void everyMetricTheTrainerRecordsHasADirection() {
    for (String metric : TRAINER_HIGHER) {
      assertThat(MetricDirection.of(metric)).as(metric).contains(HIGHER_IS_BETTER);
    }
    for (String metric : TRAINER_LOWER) {
      assertThat(MetricDirection.of(metric)).as(metric).contains(LOWER_IS_BETTER);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "roc_auc",
        "auc_roc",
        "pr_auc",
        "balanced_accuracy",
        "val_accuracy",
        "test-f1",
        "F1",
        "Accuracy",
        "f1_score",
        "f1_weighted",
        "precision_micro",
        "recall_avg",
        "r2_score",
        "holdout.r2",
        "top k accuracy"
      })
  void higherIsBetterForScoresAndNamesEndingInThem(String metric) {
    assertThat(MetricDirection.of(metric)).contains(HIGHER_IS_BETTER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mse",
        "logloss",
        "LogLoss",
        "val_loss",
        "test_rmse",
        "train/mae",
        "mae_macro",
        "weighted_log_loss",
        "eval:mse"
      })
  void lowerIsBetterForErrorsAndLosses(String metric) {
    assertThat(MetricDirection.of(metric)).contains(LOWER_IS_BETTER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "latency_ms",
        "custom",
        "accuracy_drop",
        "f1x",
        "xaccuracy",
        "macro",
        "score",
        "_",
        "",
        "   "
      })
  void unknownNamesHaveNoDirection(String metric) {
    assertThat(MetricDirection.of(metric)).isEmpty();
  }

  @Test
  void aNegatedErrorIsBetterWhenHigher() {
    assertThat(MetricDirection.of("neg_log_loss")).contains(HIGHER_IS_BETTER);
    assertThat(MetricDirection.of("negative_rmse")).contains(HIGHER_IS_BETTER);
    assertThat(MetricDirection.of("neg_accuracy")).contains(LOWER_IS_BETTER);
    assertThat(MetricDirection.of("neg")).isEmpty();
    assertThat(HIGHER_IS_BETTER.opposite()).isEqualTo(LOWER_IS_BETTER);
  }

  @Test
  void nullHasNoDirection() {
    assertThat(MetricDirection.of(null)).isEmpty();
  }

  @Test
  void improvementIsPositiveWhenBetterInEitherDirection() {
    assertThat(HIGHER_IS_BETTER.improvement(0.86, 0.90)).isEqualTo(0.04);
    assertThat(HIGHER_IS_BETTER.improvement(0.86, 0.81)).isEqualTo(-0.05);
    assertThat(LOWER_IS_BETTER.improvement(1.2, 1.0)).isEqualTo(0.2);
    assertThat(LOWER_IS_BETTER.improvement(1.2, 1.3)).isEqualTo(-0.1);
    assertThat(LOWER_IS_BETTER.improvement(2.0, 2.0)).isEqualTo(0.0);
  }

  @Test
  void improvementIsExactInDecimal() {
    // 0.86 - 0.85 in binary floating point is 0.010000000000000009.
    assertThat(HIGHER_IS_BETTER.improvement(0.86, 0.85)).isEqualTo(-0.01);
  }

  @Test
  void improvementRefusesNonFiniteNumbers() {
    assertThatThrownBy(() -> HIGHER_IS_BETTER.improvement(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LOWER_IS_BETTER.improvement(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
