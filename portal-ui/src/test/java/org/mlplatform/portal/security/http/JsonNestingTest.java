package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Nesting is followed across reads, and strings (with escapes) do not count. */
class JsonNestingTest {

  private static boolean accept(JsonNesting nesting, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return nesting.accept(bytes, 0, bytes.length);
  }

  @Test
  void countsOpeningsLessClosingsAcrossReads() {
    JsonNesting nesting = new JsonNesting(3);

    assertThat(accept(nesting, "{\"a\":[")).isTrue();
    assertThat(accept(nesting, "{}, {\"b\": 1}")).isTrue();
    assertThat(accept(nesting, "[")).isTrue();
    assertThat(accept(nesting, "[")).isFalse();
  }

  @Test
  void stringsWithBracketsAndEscapedQuotesDoNotCount() {
    JsonNesting nesting = new JsonNesting(1);

    assertThat(accept(nesting, "[\"[[[{{{\", \"say \\\"[[[\\\" \\\\\", \"ü[")).isTrue();
    assertThat(accept(nesting, "[[\"]")).as("the string ends, then the array").isTrue();
    assertThat(accept(nesting, "[")).isTrue();
    assertThat(accept(nesting, "[")).isFalse();
  }

  @Test
  void knowsWhenTheTextEndsInsideAValue() {
    JsonNesting nesting = new JsonNesting(10);

    accept(nesting, "{\"a\": [1, \"x");
    assertThat(nesting.isOpen()).isTrue();
    accept(nesting, "\"]");
    assertThat(nesting.isOpen()).isTrue();
    accept(nesting, "}");
    assertThat(nesting.isOpen()).isFalse();
  }
}
