package org.mlplatform.workflows.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/** The gradient optimisers a training run can choose, with Tribuo's usual constants. */
enum Optimiser {
  ADAGRAD("adagrad"),
  ADAM("adam"),
  SGD_CONSTANT("sgd"),
  RMSPROP("rmsprop");

  private final String id;

  Optimiser(String id) {
    this.id = id;
  }

  static Optional<Optimiser> parse(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(o -> o.id.equals(wanted)).findFirst();
  }

  String id() {
    return id;
  }

  /**
   * A starting rate that converges on standardised features. AdaGrad's 1.0 is Tribuo's own default
   * for logistic regression; factorization machines diverge with it, so they start lower.
   */
  double defaultLearningRate(TrainingAlgorithm algorithm) {
    return switch (this) {
      case ADAGRAD -> algorithm.factorized() ? 0.1 : 1.0;
      case ADAM, RMSPROP -> 0.01;
      case SGD_CONSTANT -> 0.01;
    };
  }

  StochasticGradientOptimiser create(double learningRate) {
    return switch (this) {
      case ADAGRAD -> new AdaGrad(learningRate, 0.1);
      case ADAM -> new Adam(learningRate, 0.9, 0.99, 1e-6);
      case SGD_CONSTANT -> SGD.getSimpleSGD(learningRate);
      case RMSPROP -> new RMSProp(learningRate, 0.9);
    };
  }
}
