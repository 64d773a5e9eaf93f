package org.mlplatform.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;

class CatalogChangeQueueTest {

  private static final CatalogChanged FRAUD = CatalogChanged.model(new ResourceName("fraud"));
  private static final CatalogChanged VIEW =
      CatalogChanged.featureView(new ResourceName("txn_stats"));

  private final CatalogChangeQueue queue = new CatalogChangeQueue();

  @Test
  void holdsChangesUntilTheFirstDrain() {
    assertThat(queue.add(FRAUD)).isFalse();
    assertThat(queue.add(VIEW)).isFalse();

    assertThat(queue.next()).containsExactly(FRAUD, VIEW);
    assertThat(queue.next()).isEmpty();
    assertThat(queue.isIdle()).isTrue();
  }

  @Test
  void asksForOneDrainAtATimeAndMergesRepeats() {
    queue.next(); // the start-up drain ends

    assertThat(queue.add(FRAUD)).isTrue();
    assertThat(queue.isIdle()).isFalse();
    assertThat(queue.add(FRAUD)).isFalse();
    assertThat(queue.add(VIEW)).isFalse();
    assertThat(queue.next()).containsExactly(FRAUD, VIEW);
    assertThat(queue.add(FRAUD)).isFalse(); // the running drain picks it up
    assertThat(queue.next()).containsExactly(FRAUD);
    assertThat(queue.next()).isEmpty();
    assertThat(queue.add(VIEW)).isTrue();
  }
}
