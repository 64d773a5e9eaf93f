package org.mlplatform.portal.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelReference;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.serving.engine.VersionSource;

/** Versions from the registry, model files from the encrypted artifact store. */
@ApplicationScoped
@Transactional
public class RegistryVersionSource implements VersionSource {

  @Inject private ModelRepository repository;
  @Inject private ModelArtifacts artifacts;

  @Override
  public ModelVersion resolve(ResourceName model, AliasName alias) {
    return new ModelRegistry(repository)
        .resolve(new ModelReference(model, OptionalInt.empty(), Optional.of(alias)));
  }

  @Override
  public ModelVersion version(ModelVersionId id) {
    return new ModelRegistry(repository).version(id);
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public byte[] artifact(ModelVersion version) {
    try {
      return artifacts.store().read(version.artifact().sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
