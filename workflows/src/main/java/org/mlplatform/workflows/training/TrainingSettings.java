package org.mlplatform.workflows.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mlplatform.domain.DomainValidationException;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The validated settings of one training run. They arrive as one {@code hyperparameters} map so
 * that the REST call stays small and a retraining can replay a version's {@link #effective()} map
 * as it is; the evaluation split and the positive class are settings of the run, not of the model,
 * but travel the same way.
 *
 * <p>Keys: {@code epochs} (default 10), {@code optimiser} ({@code adagrad} default, {@code adam},
 * {@code sgd}, {@code rmsprop}), {@code learningRate} (default per optimiser), {@code
 * minibatchSize} (default 1), {@code seed} (default 12345); for factorization machines {@code
 * factorSize} (default 4) and {@code variance} of the factor initialisation (default 0.1); {@code
 * heldOutFraction} (default 0.2) and {@code splitSeed} (default 12345); for classifiers {@code
 * positiveLabel} (default: the second label in sorted order, used for AUC, precision and recall of
 * a binary classifier).
 *
 * @param positiveLabel as asked for, or null to take the default
 */
record TrainingSettings(
    TrainingAlgorithm algorithm,
    int epochs,
    Optimiser optimiser,
    double learningRate,
    int minibatchSize,
    long seed,
    int factorSize,
    double variance,
    double heldOutFraction,
    long splitSeed,
    String positiveLabel) {

  static final String EPOCHS = "epochs";
  static final String OPTIMISER = "optimiser";
  static final String LEARNING_RATE = "learningRate";
  static final String MINIBATCH_SIZE = "minibatchSize";
  static final String SEED = "seed";
  static final String FACTOR_SIZE = "factorSize";
  static final String VARIANCE = "variance";
  static final String HELD_OUT_FRACTION = "heldOutFraction";
  static final String SPLIT_SEED = "splitSeed";
  static final String POSITIVE_LABEL = "positiveLabel";

  private static final List<String> COMMON_KEYS =
      List.of(
          EPOCHS, OPTIMISER, LEARNING_RATE, MINIBATCH_SIZE, SEED, HELD_OUT_FRACTION, SPLIT_SEED);
  private static final List<String> FACTORIZATION_KEYS = List.of(FACTOR_SIZE, VARIANCE);
  private static final List<String> CLASSIFIER_KEYS = List.of(POSITIVE_LABEL);

  /**
   * Validates {@code raw} for {@code algorithm}, filling in defaults.
   *
   * @throws DomainValidationException naming {@code hyperparameters.<key>} for an unknown key, a
   *     key that does not apply to the algorithm, or a value out of range
   */
  static TrainingSettings parse(TrainingAlgorithm algorithm, Map<String, String> raw) {
    raw.forEach((key, value) -> requireApplicable(algorithm, key, value));
    Values values = new Values(raw);
    Optimiser optimiser =
        values
            .text(OPTIMISER)
            .map(
                id ->
                    Optimiser.parse(id)
                        .orElseThrow(
                            () ->
                                invalid(
                                    OPTIMISER,
                                    "unknown optimiser '"
                                        + id
                                        + "'; known: "
                                        + Stream.of(Optimiser.values())
                                            .map(Optimiser::id)
                                            .collect(Collectors.joining(", ")))))
            .orElse(Optimiser.ADAGRAD);
    return new TrainingSettings(
        algorithm,
        values.integer(EPOCHS, 10, 1, 10_000),
        optimiser,
        values.positive(LEARNING_RATE, optimiser.defaultLearningRate(algorithm), 100),
        values.integer(MINIBATCH_SIZE, 1, 1, 1_000_000),
        values.wholeNumber(SEED, 12345L),
        values.integer(FACTOR_SIZE, 4, 1, 1024),
        values.positive(VARIANCE, 0.1, 10),
        values.fraction(HELD_OUT_FRACTION, 0.2, 0.9),
        values.wholeNumber(SPLIT_SEED, 12345L),
        values.text(POSITIVE_LABEL).orElse(null));
  }

  StochasticGradientOptimiser createOptimiser() {
    return optimiser.create(learningRate);
  }

  /** Every setting the run used, defaults included, as text by key. */
  Map<String, String> effective() {
    Map<String, String> effective = new TreeMap<>();
    effective.put(EPOCHS, Integer.toString(epochs));
    effective.put(OPTIMISER, optimiser.id());
    effective.put(LEARNING_RATE, Double.toString(learningRate));
    effective.put(MINIBATCH_SIZE, Integer.toString(minibatchSize));
    effective.put(SEED, Long.toString(seed));
    effective.put(HELD_OUT_FRACTION, Double.toString(heldOutFraction));
    effective.put(SPLIT_SEED, Long.toString(splitSeed));
    if (algorithm.factorized()) {
      effective.put(FACTOR_SIZE, Integer.toString(factorSize));
      effective.put(VARIANCE, Double.toString(variance));
    }
    if (positiveLabel != null) {
      effective.put(POSITIVE_LABEL, positiveLabel);
    }
    return effective;
  }

  private static void requireApplicable(TrainingAlgorithm algorithm, String key, String value) {
    List<String> known = knownKeys(algorithm);
    if (known.contains(key)) {
      if (value == null || value.isBlank()) {
        throw invalid(key, "has no value");
      }
      return;
    }
    String reason;
    if (FACTORIZATION_KEYS.contains(key)) {
      reason = "applies to factorization machines only";
    } else if (CLASSIFIER_KEYS.contains(key)) {
      reason = "applies to classifiers only";
    } else if ("l2".equals(key)) {
      reason = "Tribuo's SGD trainers have no L2 penalty";
    } else {
      reason = "unknown hyperparameter";
    }
    throw invalid(key, reason + " for " + algorithm.id() + "; known: " + String.join(", ", known));
  }

  private static List<String> knownKeys(TrainingAlgorithm algorithm) {
    return Stream.of(
            COMMON_KEYS,
            algorithm.factorized() ? FACTORIZATION_KEYS : List.<String>of(),
            algorithm.classifies() ? CLASSIFIER_KEYS : List.<String>of())
        .flatMap(List::stream)
        .toList();
  }

  private static DomainValidationException invalid(String key, String message) {
    return new DomainValidationException("hyperparameters." + key, key + ": " + message);
  }

  /** Typed reads of the raw map, each with its default and range. */
  private record Values(Map<String, String> raw) {

    Optional<String> text(String key) {
      return Optional.ofNullable(raw.get(key)).map(String::trim);
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> text = text(key);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(text.get());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // falls through to the one message that states the accepted range
      }
      throw invalid(
          key, "must be a whole number from " + min + " to " + max + ", was '" + text.get() + "'");
    }

    long wholeNumber(String key, long fallback) {
      Optional<String> text = text(key);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        return Long.parseLong(text.get());
      } catch (NumberFormatException e) {
        throw invalid(key, "must be a whole number, was '" + text.get() + "'");
      }
    }

    double positive(String key, double fallback, double max) {
      return number(key, fallback, max, "must be a number above 0 and at most " + max);
    }

    double fraction(String key, double fallback, double max) {
      return number(key, fallback, max, "must be a fraction above 0 and at most " + max);
    }

    private double number(String key, double fallback, double max, String rule) {
      Optional<String> text = text(key);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        double value = Double.parseDouble(text.get());
        if (value > 0 && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // falls through to the one message that states the accepted range
      }
      throw invalid(key, rule + ", was '" + text.get() + "'");
    }
  }
}
