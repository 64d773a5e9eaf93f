package org.mlplatform.domain.models.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a higher or a lower value of a metric is better, read from its name.
 *
 * <p>A name is split into words at {@code _}, {@code -}, {@code .}, {@code /}, {@code :} and
 * spaces, case ignored. Trailing qualifiers that say how the metric was averaged or that it is a
 * score ({@code macro}, {@code micro}, {@code weighted}, {@code avg}, {@code average}, {@code
 * score}) are set aside, and what is left must be one of the known names or end in one:
 *
 * <ul>
 *   <li>higher is better: {@code accuracy}, {@code precision}, {@code recall}, {@code f1}, {@code
 *       auc}, {@code roc_auc}, {@code auc_roc}, {@code r2};
 *   <li>lower is better: {@code rmse}, {@code mse}, {@code mae}, {@code log_loss}, {@code logloss},
 *       {@code loss}.
 * </ul>
 *
 * <p>A leading {@code neg} or {@code negative} (scikit-learn's {@code neg_log_loss}, {@code
 * neg_mse}) turns the direction around.
 *
 * <p>So {@code accuracy}, {@code balanced_accuracy}, {@code val_accuracy}, {@code f1_macro}, {@code
 * precision_weighted}, {@code roc_auc}, {@code test_rmse} and {@code log_loss} all have a
 * direction; every metric the platform's trainer records does ({@code accuracy}, {@code log_loss},
 * {@code precision}, {@code recall}, {@code f1}, {@code auc} and their {@code _macro} forms, {@code
 * rmse}, {@code mae}, {@code r2}). Any other name has none: a metric nobody can judge is reported,
 * never guessed at.
 */
public enum MetricDirection {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  private static final List<List<String>> HIGHER =
      words("accuracy", "precision", "recall", "f1", "auc", "roc_auc", "auc_roc", "r2");

  private static final List<List<String>> LOWER =
      words("rmse", "mse", "mae", "log_loss", "logloss", "loss");

  private static final Set<String> NEGATIONS = Set.of("neg", "negative");

  private static final Set<String> QUALIFIERS =
      Set.of("macro", "micro", "weighted", "avg", "average", "score");

  /** The direction of {@code metric}; empty when its name is not one this class knows. */
  public static Optional<MetricDirection> of(String metric) {
    if (metric == null) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>(split(metric));
    while (!words.isEmpty() && QUALIFIERS.contains(words.getLast())) {
      words.removeLast();
    }
    boolean negated = !words.isEmpty() && NEGATIONS.contains(words.getFirst());
    if (negated) {
      words.removeFirst();
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    MetricDirection direction =
        endsInAny(words, HIGHER)
            ? HIGHER_IS_BETTER
            : endsInAny(words, LOWER) ? LOWER_IS_BETTER : null;
    if (direction == null) {
      return Optional.empty();
    }
    return Optional.of(negated ? direction.opposite() : direction);
  }

  /** The other direction: a negated error ({@code neg_log_loss}) is better when higher. */
  public MetricDirection opposite() {
    return this == HIGHER_IS_BETTER ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
  }

  /**
   * How much better {@code to} is than {@code from} in this direction: positive when better,
   * negative when worse. Computed on the decimal values the numbers print as, so {@code 0.86 -
   * 0.85} is exactly {@code 0.01} and a difference equal to a tolerance is not judged larger than
   * it.
   */
  public double improvement(double from, double to) {
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new IllegalArgumentException("metrics are finite numbers, got " + from + " and " + to);
    }
    double delta = BigDecimal.valueOf(to).subtract(BigDecimal.valueOf(from)).doubleValue();
    return (this == HIGHER_IS_BETTER ? delta : -delta) + 0.0;
  }

  private static boolean endsInAny(List<String> words, List<List<String>> known) {
    for (List<String> name : known) {
      if (words.size() >= name.size()
          && words.subList(words.size() - name.size(), words.size()).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<List<String>> words(String... names) {
    return Arrays.stream(names).map(MetricDirection::split).toList();
  }

  private static List<String> split(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[_\\-./: ]+"))
        .filter(word -> !word.isEmpty())
        .toList();
  }
}
