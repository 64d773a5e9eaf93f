package org.mlplatform.workflows.retraining;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mlplatform.domain.DomainValidationException;

/**
 * Which labelled rows the trainer holds out. This repeats {@code
 * org.mlplatform.workflows.training.HeldOutSplit}, which is package-private there: the same
 * Fisher-Yates shuffle with a {@link SplittableRandom} of the split seed, the first {@code
 * round(rows * fraction)} positions held out. It must stay identical; {@code HeldOutEvaluatorTest}
 * fails when it does not (its metrics would no longer equal the trainer's).
 */
final class HeldOutPositions {

  private HeldOutPositions() {}

  /**
   * The positions, among {@code rows} labelled rows in file order, of the held-out ones, ascending.
   *
   * @throws DomainValidationException naming {@code trainingSet} when no row is held out
   */
  static int[] of(int rows, HeldOutSplitSettings split) {
    int testSize = (int) Math.round(rows * split.heldOutFraction());
    if (testSize < 1) {
      throw new DomainValidationException(
          "trainingSet",
          "the held-out set is empty: "
              + rows
              + " rows have a label and holding out "
              + split.heldOutFraction()
              + " of them leaves none to evaluate on");
    }
    int[] order = IntStream.range(0, rows).toArray();
    SplittableRandom random = new SplittableRandom(split.splitSeed());
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] test = Arrays.copyOfRange(order, 0, testSize);
    Arrays.sort(test);
    return test;
  }
}
