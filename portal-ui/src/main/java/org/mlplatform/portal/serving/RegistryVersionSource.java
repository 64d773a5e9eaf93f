package org.mlplatform.portal.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelReference;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelRepository;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.portal.features.FeatureNames;
import org.mlplatform.portal.features.PersonalFeatures;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.serving.engine.LogMask;
import org.mlplatform.serving.engine.VersionSource;

/** Versions from the registry, model files from the encrypted artifact store. */
@ApplicationScoped
@Transactional
public class RegistryVersionSource implements VersionSource {

  @Inject private ModelRepository repository;
  @Inject private ModelArtifacts artifacts;
  @Inject private PersonalFeatures personal;

  @Override
  public ModelVersion resolve(ResourceName model, AliasName alias) {
    return new ModelRegistry(repository)
        .resolve(new ModelReference(model, OptionalInt.empty(), Optional.of(alias)));
  }

  @Override
  public ModelVersion version(ModelVersionId id) {
    return new ModelRegistry(repository).version(id);
  }

  /**
   * The version's mapped features whose views are tagged pii, read when the version loads: a tag
   * added later takes effect when the deployment next reloads the version.
   */
  @Override
  public LogMask logMask(ModelVersion version) {
    return logMask(version.lineage().featureMapping(), personal::among);
  }

  /**
   * @param personal the personal features among those given
   */
  static LogMask logMask(
      FeatureMapping mapping, Function<Collection<FeatureRef>, Set<FeatureRef>> personal) {
    if (mapping.isEmpty()) {
      return LogMask.NONE; // raw tensors with no feature names: nothing to classify
    }
    Map<FeatureRef, String> byRef = new LinkedHashMap<>();
    for (String feature : mapping.features()) {
      FeatureNames.find(feature).ifPresent(ref -> byRef.put(ref, feature));
    }
    Set<String> names = new HashSet<>();
    personal.apply(byRef.keySet()).forEach(ref -> names.add(byRef.get(ref)));
    return LogMask.of(mapping.input(), mapping.features(), names);
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
