package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

/**
 * The streaming readers behind the hot API paths refuse absurdly nested JSON as the caller's
 * mistake (400), without a stack overflow, even when nothing in front of them limits the nesting.
 */
class HostileJsonBodiesTest {

  private static InputStream nested(String field) {
    return new ByteArrayInputStream(
        ("{\"" + field + "\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"entities", "features"})
  void predictRefusesDeepNesting(String field) {
    assertThatThrownBy(() -> PredictRequestReader.read(nested(field)))
        .isInstanceOf(DomainValidationException.class);
  }

  @Test
  void onlineLookupRefusesDeepNesting() {
    assertThatThrownBy(() -> OnlineFeaturesRequestReader.read(nested("entities")))
        .isInstanceOf(DomainValidationException.class);
  }

  /** Parsson's own skipping would spin forever on these (eclipse-ee4j/parsson#23). */
  @ParameterizedTest
  @ValueSource(strings = {"{\"unknown\":[[1", "{\"unknown\":{\"a\":[", "{\"unknown\":[{}"})
  void anUnknownFieldCutOffIsRefusedNotSpunOn(String body) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertThatThrownBy(() -> PredictRequestReader.read(text(body)))
              .isInstanceOf(DomainValidationException.class);
          assertThatThrownBy(() -> OnlineFeaturesRequestReader.read(text(body)))
              .isInstanceOf(DomainValidationException.class);
        });
  }

  private static InputStream text(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }
}
