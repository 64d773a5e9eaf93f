package org.mlplatform.serving.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.TensorSpec;

/** Versions and aliases held in memory, each version with its real model bytes. */
final class Registry implements VersionSource {

  /** {@code y = x · W + b}: x float[batch, 4], y float[batch, 2]. */
  static final ModelSignature MAT_MUL_ADD =
      new ModelSignature(
          List.of(
              TensorSpec.tensor(
                  "x", ElementType.FP32, List.of(Dimension.dynamic("batch"), Dimension.fixed(4)))),
          List.of(
              TensorSpec.tensor(
                  "y", ElementType.FP32, List.of(Dimension.dynamic("batch"), Dimension.fixed(2)))),
          17,
          "test",
          "");

  private final Map<ModelVersionId, ModelVersion> versions = new ConcurrentHashMap<>();
  private final Map<ModelVersionId, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> aliases = new ConcurrentHashMap<>();
  private final Map<ModelVersionId, LogMask> masks = new ConcurrentHashMap<>();

  ModelVersion add(String model, int number, byte[] file, ModelSignature signature) {
    ModelVersionId id = ModelVersionId.of(model, number);
    ModelVersion version =
        new ModelVersion(
            id,
            new StoredArtifact("0".repeat(63) + number, file.length),
            ModelVersion.ONNX,
            signature,
            "",
            Map.of(),
            Map.of(),
            ModelLineage.unknown(),
            "alice",
            Instant.parse("2026-11-01T00:00:00Z"));
    versions.put(id, version);
    files.put(id, file);
    return version;
  }

  void mask(String model, int number, LogMask mask) {
    masks.put(ModelVersionId.of(model, number), mask);
  }

  @Override
  public LogMask logMask(ModelVersion version) {
    return masks.getOrDefault(version.id(), LogMask.NONE);
  }

  void alias(String model, AliasName alias, int number) {
    aliases.put(model + "@" + alias, number);
  }

  @Override
  public ModelVersion resolve(ResourceName model, AliasName alias) {
    Integer number = aliases.get(model + "@" + alias);
    if (number == null) {
      throw new IllegalArgumentException("model " + model + " has no alias " + alias);
    }
    return version(new ModelVersionId(model, number));
  }

  @Override
  public ModelVersion version(ModelVersionId id) {
    ModelVersion version = versions.get(id);
    if (version == null) {
      throw new IllegalArgumentException("no version " + id);
    }
    return version;
  }

  @Override
  public byte[] artifact(ModelVersion version) {
    return files.get(version.id());
  }
}
