package org.mlplatform.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.onnx.BadUploads.BadUpload;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

class UploadRejectionTest {

  private static ExecutorService loader;
  private static OnnxInspector inspector;

  @BeforeAll
  static void startLoader() {
    loader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("model-check").factory());
    inspector = new OnnxInspector(OnnxRuntimeHost.start(), loader);
  }

  @AfterAll
  static void stopLoader() {
    loader.shutdownNow();
  }

  static List<BadUpload> badUploads() {
    return BadUploads.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void refusesWithTheReasonAndAMessageThatNamesTheProblem(BadUpload upload) {
    assertThatThrownBy(() -> inspector.inspect(upload.bytes()))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(upload.reason());
              assertThat(e.code()).isEqualTo(upload.reason().code());
            })
        .hasMessageContaining(upload.messagePart());
    assertThat(inspector.openSessions()).isZero();
  }

  @Test
  void refusesAFileOverTheSizeLimitBeforeLookingAtIt() {
    OnnxInspector small =
        new OnnxInspector(OnnxRuntimeHost.start(), loader, OnnxInspectorTest.limits(1000));

    assertThatThrownBy(() -> small.inspect(ThirdPartyModels.TEXT_DIRECTION_CNN.bytes()))
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(e.reason().httpStatus()).isEqualTo(413);
            })
        .hasMessageContaining("limit of 1000 bytes");
  }
}
