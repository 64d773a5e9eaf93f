package org.mlplatform.serving.engine;

import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;

/** Where the engine finds versions and their model files: the registry and the artifact store. */
public interface VersionSource {

  /** The version an alias points at; throws when the alias is not set. */
  ModelVersion resolve(ResourceName model, AliasName alias);

  ModelVersion version(ModelVersionId id);

  /** The model file, decrypted and integrity-checked. */
  byte[] artifact(ModelVersion version);

  /**
   * The inputs of this version that hold personal data, asked once when the version is loaded;
   * nothing is masked by default.
   */
  default LogMask logMask(ModelVersion version) {
    return LogMask.NONE;
  }
}
