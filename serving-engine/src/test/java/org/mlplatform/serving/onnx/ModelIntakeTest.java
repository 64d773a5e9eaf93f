package org.mlplatform.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.artifacts.ArtifactKey;
import org.mlplatform.serving.artifacts.EncryptedFileArtifactStore;
import org.mlplatform.serving.artifacts.KeyProvider;
import org.mlplatform.serving.onnx.BadUploads.BadUpload;
import org.mlplatform.serving.onnx.ModelIntake.AdmittedModel;

class ModelIntakeTest {

  private static ExecutorService loader;
  private static OnnxInspector inspector;

  @TempDir Path data;
  private ModelIntake intake;
  private EncryptedFileArtifactStore store;

  @BeforeAll
  static void startLoader() {
    loader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("model-check").factory());
    inspector = new OnnxInspector(OnnxRuntimeHost.start(), loader);
  }

  @AfterAll
  static void stopLoader() {
    loader.shutdownNow();
  }

  @BeforeEach
  void openStore() throws IOException {
    KeyProvider keys = KeyProvider.of(ArtifactKey.of(new byte[32]), List.of());
    store = EncryptedFileArtifactStore.inDataDirectory(data, keys);
    intake = new ModelIntake(inspector, store);
  }

  static List<BadUpload> badUploads() {
    return BadUploads.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void storesNothingForARefusedUpload(BadUpload upload) throws IOException {
    assertThatThrownBy(() -> intake.admit(upload.bytes()))
        .isInstanceOfSatisfying(
            InvalidModelException.class, e -> assertThat(e.reason()).isEqualTo(upload.reason()));

    assertThat(filesUnder(data)).isEmpty();
  }

  @Test
  void storesAnAcceptedModelWithItsSignature() throws Exception {
    byte[] model = ThirdPartyModels.TEXT_DIRECTION_CNN.bytes();

    AdmittedModel admitted = intake.admit(model);

    assertThat(admitted.artifact().sha256())
        .isEqualTo("e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c");
    assertThat(admitted.artifact().size()).isEqualTo(model.length);
    assertThat(admitted.signature().input("x")).isPresent();
    assertThat(store.read(admitted.artifact().sha256())).isEqualTo(model);
    assertThat(filesUnder(data)).hasSize(1);
  }

  private static List<Path> filesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
