package org.mlplatform.portal.promotion;

import ai.onnxruntime.OrtException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.portal.boot.PlatformStartup;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.serving.RegistryVersionSource;
import org.mlplatform.portal.serving.batch.SmokeInference;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.workflows.promotion.CheckResult;

/** Runs the candidate on the first rows of the training set it was trained on. */
@ApplicationScoped
public class SmokeCheck {

  static final String NAME = "smoke";

  @Inject private PlatformStartup platform;
  @Inject private RegistryVersionSource versions;
  @Inject private TrainingSetFiles trainingSets;
  @Inject private WorkflowSettings settings;

  CheckResult check(ModelVersion candidate) {
    var trainingSet = candidate.lineage().trainingSetId();
    if (trainingSet.isEmpty() || !trainingSets.exists(trainingSet.get())) {
      return CheckResult.skipped(
          NAME, "the version names no training set on this platform to run on");
    }
    var onnx =
        platform
            .onnxRuntime()
            .map(OnnxRuntimeHost::environment)
            .orElseThrow(() -> new IllegalStateException("ONNX Runtime is still starting"));
    try (InputStream csv = trainingSets.open(trainingSet.get())) {
      long rows =
          SmokeInference.run(
              onnx, candidate, versions.artifact(candidate), csv, settings.smokeRows());
      return CheckResult.passed(
          NAME, rows + " rows of training set " + trainingSet.get() + " scored, all finite");
    } catch (IllegalArgumentException | OrtException e) {
      return CheckResult.failed(NAME, e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
