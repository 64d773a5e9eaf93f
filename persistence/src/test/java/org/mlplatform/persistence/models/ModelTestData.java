package org.mlplatform.persistence.models;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.domain.models.VersionRegistration;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/** The registry on a test database, and versions worth storing. */
final class ModelTestData {

  static final String TRAINING_SET = "0f8fad5b-d9cb-469f-a165-70867728950e";

  // Milliseconds: both databases keep microseconds, so what is read back equals what was written.
  private static final Clock CLOCK = Clock.tickMillis(ZoneOffset.UTC);

  private ModelTestData() {}

  static EntityManagerFactory emf(TestDatabase db) {
    return TestPersistence.entityManagerFactory(
        db,
        ModelRecord.class,
        ModelVersionRecord.class,
        ModelCardRecord.class,
        AliasRecord.class,
        AliasMoveRecord.class);
  }

  /** Runs registry work in one committed transaction and returns its result. */
  static <T> T registry(EntityManagerFactory emf, Function<ModelRegistry, T> work) {
    Object[] result = new Object[1];
    TestPersistence.inTransaction(
        emf, em -> result[0] = work.apply(new ModelRegistry(new JpaModelRepository(em), CLOCK)));
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }

  /** A third-party-looking upload: named and unnamed dynamic axes, a structured output. */
  static VersionRegistration uploaded(String description) {
    ModelSignature signature =
        new ModelSignature(
            List.of(
                TensorSpec.tensor(
                    "input_ids",
                    ElementType.INT64,
                    List.of(Dimension.dynamic("batch"), Dimension.dynamic(""))),
                TensorSpec.tensor("scale", ElementType.FP32, List.of())),
            List.of(
                TensorSpec.tensor("label", ElementType.INT64, List.of(Dimension.dynamic("batch"))),
                new TensorSpec(
                    "probabilities",
                    ValueKind.SEQUENCE,
                    null,
                    List.of(),
                    "sequence(map(int64,tensor(float)))")),
            17,
            "skl2onnx",
            "1.16.0");
    return new VersionRegistration(
        new StoredArtifact("c".repeat(64), 25_000_000L),
        "onnx",
        signature,
        description,
        Map.of("accuracy", 0.1 + 0.2, "tiny", 1e-300),
        Map.of("note", "quoted \"value\" with ünïcode"),
        ModelLineage.unknown(),
        "alice");
  }

  /** A Tribuo-shaped version trained on {@link #TRAINING_SET}. */
  static VersionRegistration trained(Integer parent) {
    List<String> features = List.of("txn_stats:amount_avg", "txn_stats:count_7d", "age");
    ModelSignature signature =
        new ModelSignature(
            List.of(
                TensorSpec.tensor(
                    "input",
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(features.size())))),
            List.of(
                TensorSpec.tensor(
                    "output",
                    ElementType.FP32,
                    List.of(Dimension.dynamic("batch"), Dimension.fixed(2)))),
            13,
            "org.tribuo",
            "4.3.2");
    return new VersionRegistration(
        new StoredArtifact("d".repeat(64), 4096),
        "onnx",
        signature,
        "retrained",
        Map.of("auc", 0.93, "log_loss", 0.21),
        Map.of("epochs", "10", "learning_rate", "0.05"),
        ModelLineage.builder(ModelSource.TRAINED)
            .trainingSet(TRAINING_SET)
            .featureService("fraud_features:2")
            .features(features)
            .labels(List.of("legit", "fraud"))
            .parent(parent)
            .algorithm("logistic-regression")
            .build(),
        "bob");
  }
}
