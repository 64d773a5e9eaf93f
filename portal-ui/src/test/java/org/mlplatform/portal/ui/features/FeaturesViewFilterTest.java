package org.mlplatform.portal.ui.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;

class FeaturesViewFilterTest {

  private final FeatureViewDefinition view =
      new FeatureViewDefinition(
          new ResourceName("txn_stats"),
          1,
          List.of(new ResourceName("customer")),
          List.of(new FeatureDefinition(new ResourceName("amount_avg"), FeatureType.FLOAT64, "")),
          Duration.ZERO,
          "alice",
          Set.of("Payments"),
          "Card spend per customer");

  @Test
  void everyWordMustMatchSomewhereIgnoringCase() {
    assertThat(FeaturesView.matches(view, "")).isTrue();
    assertThat(FeaturesView.matches(view, "AMOUNT payments")).isTrue();
    assertThat(FeaturesView.matches(view, "spend alice customer")).isTrue();
    assertThat(FeaturesView.matches(view, "amount bob")).isFalse();
  }
}
