package org.mlplatform.portal.models;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mlplatform.domain.models.ArtifactStore;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.artifacts.EncryptedFileArtifactStore;
import org.mlplatform.serving.artifacts.KeyProvider;
import org.mlplatform.serving.onnx.InspectionLimits;
import org.mlplatform.serving.onnx.ModelIntake;
import org.mlplatform.serving.onnx.OnnxInspector;

/**
 * The encrypted artifact store under the data directory and the intake that inspects model files
 * before they enter it, made once on first use.
 */
@ApplicationScoped
public class ModelArtifacts {

  /**
   * Model files are opened by ONNX Runtime on these threads, never on a request thread: a hostile
   * file may take long to load, and a load cannot be interrupted, so the pool is small and bounded.
   */
  static final int INSPECTION_THREADS = 2;

  @Inject private PlatformSettings settings;
  @Inject private PlatformStartup startup;

  @Resource private ManagedThreadFactory threadFactory;

  private volatile EncryptedFileArtifactStore store;
  private volatile OnnxInspector inspector;
  private volatile ModelIntake intake;
  private volatile ExecutorService inspections;

  public ArtifactStore store() {
    EncryptedFileArtifactStore current = store;
    if (current == null) {
      synchronized (this) {
        if (store == null) {
          try {
            store =
                EncryptedFileArtifactStore.inDataDirectory(
                    settings.sharedDir(),
                    KeyProvider.fromConfiguration(
                        settings.artifactKey(),
                        settings.retiredArtifactKeys(),
                        settings.dataDir()));
          } catch (IOException e) {
            throw new UncheckedIOException("the artifact store could not open", e);
          }
        }
        current = store;
      }
    }
    return current;
  }

  /** Inspects, then stores; needs ONNX Runtime, which loads during start-up. */
  public ModelIntake intake() {
    ModelIntake current = intake;
    if (current == null) {
      synchronized (this) {
        if (intake == null) {
          OnnxRuntimeHost runtime =
              startup
                  .onnxRuntime()
                  .orElseThrow(
                      () -> new IllegalStateException("ONNX Runtime has not started (yet)"));
          inspections = Executors.newFixedThreadPool(INSPECTION_THREADS, threadFactory);
          inspector =
              new OnnxInspector(
                  runtime,
                  inspections,
                  new InspectionLimits(settings.maxModelBytes(), settings.modelLoadTimeout()));
          intake = new ModelIntake(inspector, store());
        }
        current = intake;
      }
    }
    return current;
  }

  /** Reads an upload up to the size limit (the intake's inspector). */
  public OnnxInspector inspector() {
    intake();
    return inspector;
  }

  @PreDestroy
  void stop() {
    if (inspections != null) {
      inspections.shutdownNow();
    }
  }
}
