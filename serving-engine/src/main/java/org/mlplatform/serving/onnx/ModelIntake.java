package org.mlplatform.serving.onnx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.mlplatform.domain.models.ArtifactStore;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.StoredArtifact;

/**
 * The one way an uploaded model file enters the artifact store: it is inspected first and stored
 * only when it passed, so a refused upload leaves nothing behind.
 */
public final class ModelIntake {

  private final OnnxInspector inspector;
  private final ArtifactStore store;

  public ModelIntake(OnnxInspector inspector, ArtifactStore store) {
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @throws InvalidModelException the upload was refused; nothing was stored
   * @throws IOException the store failed; nothing was stored
   */
  public AdmittedModel admit(byte[] upload) throws InvalidModelException, IOException {
    ModelSignature signature = inspector.inspect(upload);
    StoredArtifact artifact =
        store.put(new ByteArrayInputStream(upload), inspector.limits().maxBytes());
    return new AdmittedModel(artifact, signature);
  }

  /** A model file that passed inspection and is stored. */
  public record AdmittedModel(StoredArtifact artifact, ModelSignature signature) {}
}
