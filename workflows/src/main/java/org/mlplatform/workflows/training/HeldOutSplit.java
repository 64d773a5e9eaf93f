package org.mlplatform.workflows.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mlplatform.domain.DomainValidationException;

/**
 * A seeded random split of row positions into training and held-out rows: the same row count,
 * fraction and seed always give the same split. Both sides keep file order.
 */
record HeldOutSplit(int[] train, int[] test) {

  HeldOutSplit {
    train = train.clone();
    test = test.clone();
  }

  /**
   * @throws DomainValidationException naming {@code trainingSet} when too few rows are left for
   *     both sides
   */
  static HeldOutSplit of(int rows, double heldOutFraction, long seed) {
    int testSize = (int) Math.round(rows * heldOutFraction);
    if (testSize < 1 || rows - testSize < 2) {
      throw new DomainValidationException(
          "trainingSet",
          rows
              + " rows have a label; that is too few to hold out "
              + heldOutFraction
              + " of them and still train");
    }
    int[] order = IntStream.range(0, rows).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] test = Arrays.copyOfRange(order, 0, testSize);
    int[] train = Arrays.copyOfRange(order, testSize, rows);
    Arrays.sort(test);
    Arrays.sort(train);
    return new HeldOutSplit(train, test);
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }
}
