package org.mlplatform.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class HeldOutSplitTest {

  @Test
  void theSameSeedGivesTheSameSplitOfEveryRow() {
    HeldOutSplit split = HeldOutSplit.of(1000, 0.2, 99);

    assertThat(split.test()).hasSize(200).isSorted();
    assertThat(split.train()).hasSize(800).isSorted();
    assertThat(IntStream.concat(IntStream.of(split.train()), IntStream.of(split.test())).sorted())
        .containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
    assertThat(HeldOutSplit.of(1000, 0.2, 99).test()).isEqualTo(split.test());
    assertThat(HeldOutSplit.of(1000, 0.2, 100).test()).isNotEqualTo(split.test());
  }

  @Test
  void tooFewRowsForBothSidesIsATrainingSetError() {
    DomainValidationException refused =
        assertThrows(DomainValidationException.class, () -> HeldOutSplit.of(2, 0.2, 1));

    assertThat(refused.field()).isEqualTo("trainingSet");
  }
}
