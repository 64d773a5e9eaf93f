package org.mlplatform.workflows.training;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;

/** The algorithms the platform trains, by the name callers use. */
public enum TrainingAlgorithm {
  LOGISTIC_REGRESSION("logistic-regression", true, false),
  LINEAR_REGRESSION("linear-regression", false, false),
  FACTORIZATION_MACHINE("factorization-machine", true, true),
  FACTORIZATION_MACHINE_REGRESSION("factorization-machine-regression", false, true);

  private final String id;
  private final boolean classifies;
  private final boolean factorized;

  TrainingAlgorithm(String id, boolean classifies, boolean factorized) {
    this.id = id;
    this.classifies = classifies;
    this.factorized = factorized;
  }

  /** The algorithm called {@code id}, or a validation error on {@code algorithm} listing them. */
  public static TrainingAlgorithm parse(String id) {
    if (id == null || id.isBlank()) {
      throw new DomainValidationException(
          "algorithm", "the algorithm is required; known: " + ids());
    }
    return Arrays.stream(values())
        .filter(algorithm -> algorithm.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new DomainValidationException(
                    "algorithm", "unknown algorithm '" + id + "'; known: " + ids()));
  }

  private static String ids() {
    return Arrays.stream(values()).map(TrainingAlgorithm::id).collect(Collectors.joining(", "));
  }

  public String id() {
    return id;
  }

  /** Whether it predicts a class (with probabilities) rather than a number. */
  public boolean classifies() {
    return classifies;
  }

  /** Whether it is a factorization machine, which takes the factor hyperparameters. */
  public boolean factorized() {
    return factorized;
  }
}
