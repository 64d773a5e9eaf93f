package org.mlplatform.workflows.training;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import java.util.function.DoubleConsumer;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Wraps the real optimiser to see training from inside: Tribuo's SGD trainers offer no epoch
 * callback and no cancellation, but call {@link #step} once per example or minibatch. Counting
 * steps gives the fraction of epochs done, and the thread's interrupt flag is checked on every step
 * so that cancelling does not wait for the end of training.
 *
 * <p>The provenance is the wrapped optimiser's, so the model records what actually optimised it.
 */
final class EpochProgressOptimiser implements StochasticGradientOptimiser {

  private final StochasticGradientOptimiser delegate;
  private final long stepsPerEpoch;
  private final int epochs;
  private final DoubleConsumer progress;
  private long steps;

  /**
   * @param stepsPerEpoch the number of {@link #step} calls in one epoch (examples, or minibatches)
   * @param progress told the fraction of all epochs done, after each epoch
   */
  EpochProgressOptimiser(
      StochasticGradientOptimiser delegate,
      long stepsPerEpoch,
      int epochs,
      DoubleConsumer progress) {
    this.delegate = delegate;
    this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
    this.epochs = epochs;
    this.progress = progress;
  }

  /** How many steps Tribuo takes per epoch over {@code examples} with this minibatch size. */
  static long stepsPerEpoch(int examples, int minibatchSize) {
    return (examples + (long) minibatchSize - 1) / minibatchSize;
  }

  @Override
  public void initialise(Parameters parameters) {
    steps = 0;
    delegate.initialise(parameters);
  }

  @Override
  public Tensor[] step(Tensor[] updates, double weight) {
    if (Thread.currentThread().isInterrupted()) {
      throw new TrainingCancelledException();
    }
    Tensor[] result = delegate.step(updates, weight);
    steps++;
    if (steps % stepsPerEpoch == 0) {
      progress.accept(Math.min(1, (double) (steps / stepsPerEpoch) / epochs));
    }
    return result;
  }

  @Override
  public void finalise() {
    delegate.finalise();
  }

  @Override
  public void reset() {
    steps = 0;
    delegate.reset();
  }

  @Override
  public EpochProgressOptimiser copy() {
    return new EpochProgressOptimiser(delegate.copy(), stepsPerEpoch, epochs, progress);
  }

  @Override
  public ConfiguredObjectProvenance getProvenance() {
    return delegate.getProvenance();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  /** Unwinds Tribuo's training loop when the training thread is interrupted. */
  static final class TrainingCancelledException extends RuntimeException {

    TrainingCancelledException() {
      super("training cancelled", null, false, false);
    }
  }
}
