package org.mlplatform.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

/** Requests and data that cannot make a model are refused, naming the field to blame. */
class TrainingValidationTest {

  @TempDir static Path dir;
  private static Path binary;

  private final TribuoTrainer trainer = new TribuoTrainer();

  @BeforeAll
  static void writeTrainingSet() throws IOException {
    binary = SyntheticTrainingSet.binary(dir, 200);
  }

  static Stream<Arguments> badRequests() {
    String label = SyntheticTrainingSet.LABEL;
    return Stream.of(
        Arguments.of(new TrainingRequest(label, "random-forest", Map.of()), "algorithm"),
        Arguments.of(new TrainingRequest(label, null, Map.of()), "algorithm"),
        Arguments.of(new TrainingRequest("churned", "logistic-regression", Map.of()), "label"),
        Arguments.of(new TrainingRequest(null, "logistic-regression", Map.of()), "label"),
        Arguments.of(new TrainingRequest("txn__alpha", "logistic-regression", Map.of()), "label"),
        Arguments.of(
            new TrainingRequest("event_timestamp", "logistic-regression", Map.of()), "label"),
        request("epochs", "0", "hyperparameters.epochs"),
        request("epochs", "ten", "hyperparameters.epochs"),
        request("learningRate", "-0.1", "hyperparameters.learningRate"),
        request("learningRate", "NaN", "hyperparameters.learningRate"),
        request("minibatchSize", "0", "hyperparameters.minibatchSize"),
        request("seed", "1.5", "hyperparameters.seed"),
        request("optimiser", "lbfgs", "hyperparameters.optimiser"),
        request("heldOutFraction", "0", "hyperparameters.heldOutFraction"),
        request("heldOutFraction", "0.95", "hyperparameters.heldOutFraction"),
        request("momentum", "0.9", "hyperparameters.momentum"),
        request("l2", "0.01", "hyperparameters.l2"),
        request("factorSize", "8", "hyperparameters.factorSize"),
        request("epochs", " ", "hyperparameters.epochs"),
        request("positiveLabel", "7", "hyperparameters.positiveLabel"),
        Arguments.of(
            new TrainingRequest(
                label, "factorization-machine", Map.of("variance", "0", "factorSize", "2")),
            "hyperparameters.variance"),
        Arguments.of(
            new TrainingRequest(label, "linear-regression", Map.of("positiveLabel", "1")),
            "hyperparameters.positiveLabel"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void refusesABadRequestNamingTheField(TrainingRequest request, String field) {
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary, SyntheticTrainingSet.columns(FeatureType.INT64), request, p -> {}));

    assertThat(refused.field()).isEqualTo(field);
  }

  @Test
  void anUnknownAlgorithmListsTheKnownOnes() {
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest("label", "svm", Map.of()),
                    p -> {}));

    assertThat(refused)
        .hasMessageContaining("logistic-regression")
        .hasMessageContaining("factorization-machine-regression");
  }

  @Test
  void aNullHyperparameterValueIsNamed() {
    Map<String, String> settings = new HashMap<>();
    settings.put("epochs", null);

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest("label", "logistic-regression", settings),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("hyperparameters.epochs");
  }

  @Test
  void refusesANonNumericFeatureColumn() {
    List<TrainingColumn> columns = new ArrayList<>(SyntheticTrainingSet.columns(FeatureType.INT64));
    columns.set(4, new TrainingColumn("txn__alpha", FeatureType.STRING, Role.FEATURE, "txn:alpha"));

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary,
                    columns,
                    new TrainingRequest("label", "logistic-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("features");
    assertThat(refused).hasMessageContaining("txn__alpha").hasMessageContaining("STRING");
  }

  @Test
  void aRegressionNeedsANumericLabel() {
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary,
                    SyntheticTrainingSet.columns(FeatureType.STRING),
                    new TrainingRequest("label", "linear-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("label");
  }

  @Test
  void aClassifierRefusesAFloatingPointLabel() {
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    binary,
                    SyntheticTrainingSet.columns(FeatureType.FLOAT64),
                    new TrainingRequest("label", "logistic-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("label");
    assertThat(refused).hasMessageContaining("regression");
  }

  @Test
  void aFileThatDoesNotMatchItsColumnsIsNamedAsTheTrainingSet() throws IOException {
    Path wrongHeader = dir.resolve("wrong-header.csv");
    Files.writeString(wrongHeader, "event_timestamp,customer_id,label,a,b,c,d\n");

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    wrongHeader,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest("label", "logistic-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("trainingSet");
  }

  @Test
  void aNonNumberInAFeatureColumnNamesTheLineAndColumn() throws IOException {
    Path garbled = dir.resolve("garbled.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(binary));
    lines.set(3, lines.get(3).replaceFirst(",[^,]*$", ",twelve"));
    Files.write(garbled, lines);

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    garbled,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest("label", "logistic-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("trainingSet");
    assertThat(refused).hasMessageContaining("line 4").hasMessageContaining("txn__beta");
  }

  @Test
  void oneClassCannotTrainAClassifier() throws IOException {
    Path oneClass = dir.resolve("one-class.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(binary));
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (!cells[2].isEmpty()) {
        cells[2] = "1";
      }
      lines.set(i, String.join(",", cells));
    }
    Files.write(oneClass, lines);

    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () ->
                trainer.train(
                    oneClass,
                    SyntheticTrainingSet.columns(FeatureType.INT64),
                    new TrainingRequest("label", "logistic-regression", Map.of()),
                    p -> {}));

    assertThat(refused.field()).isEqualTo("label");
  }

  private static Arguments request(String key, String value, String field) {
    return Arguments.of(
        new TrainingRequest(SyntheticTrainingSet.LABEL, "logistic-regression", Map.of(key, value)),
        field);
  }
}
