package org.mlplatform.domain.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.DomainValidationException;

class ModelLineageTest {

  private static void assertField(Runnable build, String field) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void normalisesTheTrainingSetIdAndKeepsWellFormedReferences() {
    ModelLineage lineage =
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(ModelFixtures.TRAINING_SET.toUpperCase())
            .featureService("fraud_v1:3")
            .features(List.of("txn_stats:amount_avg", "age", "txn_stats__count"))
            .labels(List.of("legit", "fraud"))
            .algorithm("logistic-regression")
            .build();

    assertThat(lineage.trainingSetId()).contains(ModelFixtures.TRAINING_SET);
    assertThat(lineage.featureService()).contains("fraud_v1:3");
    assertThat(lineage.featureMapping().input()).isEqualTo("input");
    assertThat(lineage.hasFeatureData()).isTrue();
    assertThat(ModelLineage.unknown().hasFeatureData()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "not-a-uuid, trainingSetId",
    "0f8fad5b-d9cb-469f-a165-70867728950, trainingSetId",
  })
  void refusesMalformedTrainingSetIds(String id, String field) {
    assertField(() -> ModelLineage.builder(ModelSource.UPLOADED).trainingSet(id).build(), field);
  }

  @ParameterizedTest
  @CsvSource({"fraud_v1", "fraud_v1:x", "fraud_v1:0", "Fraud:1", "fraud:1:2"})
  void refusesFeatureServicesThatAreNotNameColonVersion(String reference) {
    assertField(
        () -> ModelLineage.builder(ModelSource.UPLOADED).featureService(reference).build(),
        "featureService");
  }

  @Test
  void refusesDuplicateAndMalformedFeaturesAndLabels() {
    assertField(
        () -> ModelLineage.builder(ModelSource.UPLOADED).features(List.of("a:x", "a:x")).build(),
        "features[1]");
    assertField(
        () -> ModelLineage.builder(ModelSource.UPLOADED).features(List.of("a:x", "a:b:c")).build(),
        "features[1]");
    assertField(
        () ->
            ModelLineage.builder(ModelSource.UPLOADED).labels(List.of("yes", "no", "yes")).build(),
        "labelNames[2]");
    assertField(
        () -> ModelLineage.builder(ModelSource.UPLOADED).labels(List.of("")).build(),
        "labelNames[0]");
    assertField(
        () -> ModelLineage.builder(ModelSource.UPLOADED).parent(0).build(), "parentVersion");
  }

  @Test
  void aTrainedVersionNamesItsTrainingSetAndAlgorithm() {
    assertField(
        () -> ModelLineage.builder(ModelSource.TRAINED).algorithm("linear-regression").build(),
        "trainingSetId");
    assertField(
        () ->
            ModelLineage.builder(ModelSource.TRAINED)
                .trainingSet(ModelFixtures.TRAINING_SET)
                .build(),
        "algorithm");
  }

  @Test
  void parsesReferencesToVersionsAliasesAndChampions() {
    assertThat(ModelReference.parse("fraud:3").number()).hasValue(3);
    assertThat(ModelReference.parse("fraud@challenger").alias()).contains(AliasName.CHALLENGER);
    assertThat(ModelReference.parse("fraud").alias()).contains(AliasName.CHAMPION);
    assertThat(ModelReference.parse("fraud:latest").isLatest()).isTrue();
    assertThat(ModelReference.parse(" fraud:latest ").toString()).isEqualTo("fraud:latest");
    for (String bad : new String[] {"", "fraud:0", "fraud:x", "fraud@", "Fraud", "a:1@b", "f:-1"}) {
      assertField(() -> ModelReference.parse(bad), "model");
    }
  }
}
