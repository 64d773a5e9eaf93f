package org.mlplatform.workflows.training;

import java.util.function.DoubleConsumer;

/**
 * Turns the progress of each phase (reading, training, export) into one overall fraction that only
 * moves forward, as a job's progress must.
 */
final class ProgressSteps {

  private final DoubleConsumer sink;
  private double reported;

  ProgressSteps(DoubleConsumer sink) {
    this.sink = sink;
  }

  void report(double fraction) {
    double clamped = Math.clamp(fraction, 0.0, 1.0);
    if (clamped > reported) {
      reported = clamped;
      sink.accept(clamped);
    }
  }

  /** A consumer of a phase's own 0..1 progress that covers {@code from..to} of the whole. */
  DoubleConsumer between(double from, double to) {
    return phase -> report(from + (to - from) * Math.clamp(phase, 0.0, 1.0));
  }
}
