package org.mlplatform.domain.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

class ModelVersionTest {

  private static VersionRegistration registration(
      Map<String, Double> metrics, Map<String, String> hyperparameters) {
    return new VersionRegistration(
        ModelFixtures.artifact('a'),
        "onnx",
        ModelFixtures.signature(2),
        "",
        metrics,
        hyperparameters,
        null,
        "alice");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void metricsMustBeFiniteAndTheErrorNamesTheMetric(double value) {
    Map<String, Double> metrics = new HashMap<>();
    metrics.put("auc", 0.91);
    metrics.put("log_loss", value);

    assertThatThrownBy(() -> registration(metrics, Map.of()))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("metrics.log_loss"))
        .hasMessageContaining("finite");
  }

  @Test
  void refusesNullMetricsBlankNamesAndNullHyperparameters() {
    Map<String, Double> nullMetric = new HashMap<>();
    nullMetric.put("auc", null);
    Map<String, String> nullParameter = new HashMap<>();
    nullParameter.put("epochs", null);

    assertThatThrownBy(() -> registration(nullMetric, Map.of()))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("metrics.auc"));
    assertThatThrownBy(() -> registration(Map.of(" ", 1.0), Map.of()))
        .isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> registration(Map.of(), nullParameter))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("hyperparameters.epochs"));
  }

  @Test
  void onlyOnnxIsAcceptedAndSomeoneMustRegisterIt() {
    assertThatThrownBy(
            () ->
                new VersionRegistration(
                    ModelFixtures.artifact('a'),
                    "pickle",
                    ModelFixtures.signature(2),
                    "",
                    Map.of(),
                    Map.of(),
                    null,
                    "alice"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("format"));
    assertThatThrownBy(
            () ->
                new VersionRegistration(
                    ModelFixtures.artifact('a'),
                    "onnx",
                    ModelFixtures.signature(2),
                    "",
                    Map.of(),
                    Map.of(),
                    null,
                    " "))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("registeredBy"));
  }

  @Test
  void aVersionIsImmutableEvenWhenTheCallersMapsAndListsChange() {
    Map<String, Double> metrics = new HashMap<>(Map.of("auc", 0.9));
    Map<String, String> hyperparameters = new HashMap<>(Map.of("epochs", "5"));
    List<String> features = new java.util.ArrayList<>(List.of("a:x", "a:y"));
    VersionRegistration registration =
        new VersionRegistration(
            ModelFixtures.artifact('a'),
            "onnx",
            ModelFixtures.signature(2),
            "",
            metrics,
            hyperparameters,
            ModelLineage.builder(ModelSource.UPLOADED).features(features).build(),
            "alice");
    ModelVersion version =
        registration.asVersion(
            ModelVersionId.of("fraud", 1), Instant.parse("2026-01-01T00:00:00Z"));

    metrics.put("auc", 0.1);
    hyperparameters.clear();
    features.add("a:z");

    assertThat(version.metrics()).containsExactly(Map.entry("auc", 0.9));
    assertThat(version.hyperparameters()).containsEntry("epochs", "5");
    assertThat(version.lineage().featureMapping().features()).containsExactly("a:x", "a:y");
    assertThatThrownBy(() -> version.metrics().put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> version.hyperparameters().put("x", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> version.lineage().labelNames().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(ModelVersion.class.getRecordComponents()).isNotEmpty();
    assertThat(ModelVersion.class.getMethods())
        .extracting(java.lang.reflect.Method::getName)
        .noneMatch(name -> name.startsWith("set"));
  }

  @Test
  void metricsKeepNameOrder() {
    ModelVersion version =
        registration(Map.of("recall", 0.5, "auc", 0.9, "log_loss", 0.3), Map.of())
            .asVersion(ModelVersionId.of("fraud", 1), Instant.EPOCH);

    assertThat(version.metrics().keySet()).containsExactly("auc", "log_loss", "recall");
  }

  @Test
  void aParentMustBeOlderThanTheVersion() {
    VersionRegistration ownParent =
        new VersionRegistration(
            ModelFixtures.artifact('a'),
            "onnx",
            ModelFixtures.signature(2),
            "",
            Map.of(),
            Map.of(),
            ModelLineage.builder(ModelSource.UPLOADED).parent(2).build(),
            "alice");

    assertThatThrownBy(() -> ownParent.asVersion(ModelVersionId.of("fraud", 2), Instant.EPOCH))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("parentVersion"));
  }

  @Test
  void modelDefinitionsCheckTheirTextAndTags() {
    assertThatThrownBy(
            () ->
                ModelDefinition.created(
                    new org.mlplatform.domain.features.ResourceName("fraud"),
                    "x".repeat(4001),
                    "",
                    java.util.Set.of(),
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("description"));
    assertThatThrownBy(
            () ->
                ModelDefinition.created(
                    new org.mlplatform.domain.features.ResourceName("fraud"),
                    "",
                    "",
                    java.util.Set.of("ok", " "),
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("tags"));
  }
}
