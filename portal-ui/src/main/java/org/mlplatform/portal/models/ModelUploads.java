package org.mlplatform.portal.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelSource;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.StoredArtifact;
import org.mlplatform.domain.models.VersionRegistration;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.serving.onnx.InvalidModelException;

/**
 * Registers uploaded model files: the model must exist, the file is read up to the size limit and
 * inspected by ONNX Runtime off the request thread, and only then are the version and its file
 * written, together. A refused upload leaves nothing behind.
 */
@ApplicationScoped
public class ModelUploads {

  @Inject private ModelArtifacts artifacts;
  @Inject private ModelStore store;

  public ModelVersion upload(
      ResourceName model,
      InputStream file,
      VersionUpload metadata,
      PlatformUser actor,
      Origin origin)
      throws IOException, InvalidModelException {
    store.model(model); // 404 before reading a byte of the file
    byte[] content = artifacts.inspector().readUpload(file);
    ModelSignature signature = artifacts.inspector().inspect(content);
    return register(model, content, signature, lineage(metadata), metadata, actor, origin);
  }

  /** Registers a file that has passed inspection, with the lineage given. */
  ModelVersion register(
      ResourceName model,
      byte[] content,
      ModelSignature signature,
      ModelLineage lineage,
      VersionUpload metadata,
      PlatformUser actor,
      Origin origin) {
    VersionRegistration registration =
        new VersionRegistration(
            new StoredArtifact(sha256(content), content.length),
            ModelVersion.ONNX,
            signature,
            metadata.description(),
            Objects.requireNonNullElse(metadata.metrics(), Map.of()),
            Objects.requireNonNullElse(metadata.hyperparameters(), Map.of()),
            lineage,
            actor.username());
    return store.register(model, registration, content, actor, origin);
  }

  private static ModelLineage lineage(VersionUpload metadata) {
    ModelLineage.Builder lineage = ModelLineage.builder(ModelSource.UPLOADED);
    if (metadata.trainingSetId() != null) {
      lineage.trainingSet(metadata.trainingSetId());
    }
    if (metadata.featureService() != null) {
      lineage.featureService(metadata.featureService());
    }
    if (metadata.features() != null) {
      lineage.features(
          new FeatureMapping(
              Objects.requireNonNullElse(metadata.input(), FeatureMapping.DEFAULT_INPUT),
              metadata.features()));
    }
    if (metadata.labels() != null) {
      lineage.labels(metadata.labels());
    }
    if (metadata.parentVersion() != null) {
      lineage.parent(metadata.parentVersion());
    }
    if (metadata.algorithm() != null) {
      lineage.algorithm(metadata.algorithm());
    }
    return lineage.build();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
