package org.mlplatform.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnnxRuntimeHostTest {

  @Test
  void loadsTheNativeLibraryAndOffersTheCpuProvider() {
    OnnxRuntimeHost host = OnnxRuntimeHost.start();

    assertThat(host.version()).startsWith("1.28");
    assertThat(host.providers()).contains("CPUExecutionProvider");
  }
}
