package org.mlplatform.workflows.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldOutSplitSettingsTest {

  @Test
  void readsARunsHyperparametersWithTheTrainersDefaults() {
    assertThat(HeldOutSplitSettings.fromHyperparameters(Map.of("epochs", "3")))
        .isEqualTo(HeldOutSplitSettings.DEFAULTS)
        .isEqualTo(new HeldOutSplitSettings(0.2, 12345));
    assertThat(
            HeldOutSplitSettings.fromHyperparameters(
                Map.of("heldOutFraction", "0.3", "splitSeed", " 7 ")))
        .isEqualTo(new HeldOutSplitSettings(0.3, 7));
  }

  @Test
  void refusesValuesTheTrainerWouldRefuse() {
    assertThat(
            assertThrows(
                IllegalArgumentException.class,
                () -> HeldOutSplitSettings.fromHyperparameters(Map.of("splitSeed", "x"))))
        .hasMessageContaining("splitSeed");
    assertThat(
            assertThrows(
                IllegalArgumentException.class,
                () -> HeldOutSplitSettings.fromHyperparameters(Map.of("heldOutFraction", "0.95"))))
        .hasMessageContaining("heldOutFraction");
    assertThrows(IllegalArgumentException.class, () -> new HeldOutSplitSettings(0, 1));
  }
}
