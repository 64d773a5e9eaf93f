package org.mlplatform.workflows.retraining;

import java.util.Map;

/**
 * The two training settings that decide which rows are held out: {@code heldOutFraction} and {@code
 * splitSeed}. A model's own hyperparameters (as {@code TrainedModel.hyperparameters()} lists them)
 * give the split it was evaluated on.
 *
 * @param heldOutFraction the share of labelled rows held out, above 0 and at most 0.9
 * @param splitSeed the seed of the shuffle that picks them
 */
public record HeldOutSplitSettings(double heldOutFraction, long splitSeed) {

  /** The hyperparameter key, as the trainer names it. */
  public static final String HELD_OUT_FRACTION = "heldOutFraction";

  /** The hyperparameter key, as the trainer names it. */
  public static final String SPLIT_SEED = "splitSeed";

  /** The trainer's defaults. */
  public static final HeldOutSplitSettings DEFAULTS = new HeldOutSplitSettings(0.2, 12345L);

  private static final double MAX_FRACTION = 0.9;

  /**
   * @throws IllegalArgumentException when the fraction is outside the trainer's range
   */
  public HeldOutSplitSettings {
    if (!(heldOutFraction > 0 && heldOutFraction <= MAX_FRACTION)) {
      throw new IllegalArgumentException(
          HELD_OUT_FRACTION
              + " must be a fraction above 0 and at most "
              + MAX_FRACTION
              + ", was "
              + heldOutFraction);
    }
  }

  /**
   * The split that training settings given as text by key describe; a key that is absent takes the
   * trainer's default, other keys are ignored.
   *
   * @throws IllegalArgumentException naming the key whose value is not a number in range
   */
  public static HeldOutSplitSettings fromHyperparameters(Map<String, String> hyperparameters) {
    String fraction = hyperparameters.get(HELD_OUT_FRACTION);
    String seed = hyperparameters.get(SPLIT_SEED);
    double heldOutFraction = DEFAULTS.heldOutFraction;
    long splitSeed = DEFAULTS.splitSeed;
    try {
      if (fraction != null) {
        heldOutFraction = Double.parseDouble(fraction.trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          HELD_OUT_FRACTION + " must be a number, was '" + fraction + "'", e);
    }
    try {
      if (seed != null) {
        splitSeed = Long.parseLong(seed.trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SPLIT_SEED + " must be a whole number, was '" + seed + "'", e);
    }
    return new HeldOutSplitSettings(heldOutFraction, splitSeed);
  }
}
