package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GuardedBodyTest {

  private static final ApiBodyLimits LIMITS = new ApiBodyLimits(1_000, 8);

  @Test
  void aBodyWithinTheLimitsReadsThroughUnchanged() throws IOException {
    String json = "{\"entities\":{\"id\":[[1],[2]]}}";
    GuardedBody body = LIMITS.guard(stream(json));

    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(body.refusal()).isEmpty();
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWith400() {
    GuardedBody body = LIMITS.guard(stream("[".repeat(9) + "]".repeat(9)));

    assertThatThrownBy(body::readAllBytes).isInstanceOf(BodyRefusedException.class);
    assertThat(body.refusal()).get().extracting(Refusal::status).isEqualTo(400);
    assertThat(body.refusal().get().error()).contains("deeper than 8 levels");
  }

  @Test
  void aBodyOverTheSizeIsRefusedWith413AlsoByteByByte() {
    GuardedBody body = LIMITS.guard(stream("\"" + "a".repeat(1_200) + "\""));

    assertThatThrownBy(
            () -> {
              while (body.read() >= 0) {
                // reads one byte at a time, as some parsers do
              }
            })
        .isInstanceOf(BodyRefusedException.class);
    assertThat(body.refusal()).get().extracting(Refusal::status).isEqualTo(413);
    assertThat(LIMITS.tooLarge().error()).contains("1000 bytes");
  }

  @Test
  void aBodyEndingInsideAValueIsRefusedAtItsEnd() {
    GuardedBody body = LIMITS.guard(stream("{\"entities\":"));

    assertThatThrownBy(body::readAllBytes).isInstanceOf(BodyRefusedException.class);
    assertThat(body.refusal().get().error()).contains("ends inside");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
