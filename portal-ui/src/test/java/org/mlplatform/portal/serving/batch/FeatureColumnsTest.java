package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class FeatureColumnsTest {

  @Test
  void findsFeaturesUnderEitherSpellingAndCopiesTheRest() {
    FeatureColumns columns =
        FeatureColumns.locate(
            List.of("customer_id", "txn:amount", "event_timestamp", "txn__count", "label"),
            List.of("txn__count", "txn__amount"),
            "csv");

    assertThat(columns.featureAt()).containsExactly(3, 1);
    assertThat(columns.passThrough()).containsExactly(0, 2, 4);
    assertThat(columns.passThroughNames())
        .containsExactly("customer_id", "event_timestamp", "label");
  }

  @Test
  void aFeatureMappedAsAReferenceFindsATrainingSetColumn() {
    FeatureColumns columns =
        FeatureColumns.locate(List.of("id", "txn__amount"), List.of("txn:amount"), "csv");

    assertThat(columns.featureAt()).containsExactly(1);
    assertThat(FeatureColumns.reference("txn__amount")).isEqualTo("txn:amount");
    assertThat(FeatureColumns.reference("plain")).isEqualTo("plain");
  }

  @Test
  void namesEveryMissingFeature() {
    assertThatThrownBy(
            () ->
                FeatureColumns.locate(
                    List.of("id", "txn__amount"),
                    List.of("txn__amount", "txn__count", "profile__age"),
                    "trainingSetId"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("trainingSetId"))
        .hasMessageContaining("features txn__count, profile__age");
  }

  @Test
  void refusesRepeatedAndUnnamedColumns() {
    assertThatThrownBy(() -> FeatureColumns.locate(List.of("a", "a"), List.of("a"), "csv"))
        .hasMessageContaining("two columns named a");
    assertThatThrownBy(() -> FeatureColumns.locate(List.of("a", " "), List.of("a"), "csv"))
        .hasMessageContaining("column 2 has no name");
    assertThatThrownBy(() -> FeatureColumns.locate(List.of(), List.of("a"), "csv"))
        .hasMessageContaining("no header");
  }

  @Test
  void theFeaturesOwnNameWinsOverItsOtherSpelling() {
    FeatureColumns columns =
        FeatureColumns.locate(List.of("txn__x", "txn:x"), List.of("txn:x"), "csv");

    assertThat(columns.featureAt()).containsExactly(1);
    assertThat(columns.passThroughNames()).containsExactly("txn__x");
  }
}
