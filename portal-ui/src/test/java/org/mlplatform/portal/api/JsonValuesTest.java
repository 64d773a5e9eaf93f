package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  private static String written(Object... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonValues.generator(out)) {
      json.writeStartArray();
      Arrays.stream(values).forEach(v -> JsonValues.write(json, v));
      json.writeEnd();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesEachFeatureTypeAsJsonWould() {
    assertThat(
            written(
                1, 2L, 0.1f, 12.5, true, "tab\t\"q\"", Instant.parse("2026-01-01T00:00:00Z"), null))
        .isEqualTo("[1,2,0.1,12.5,true,\"tab\\t\\\"q\\\"\",\"2026-01-01T00:00:00Z\",null]");
  }

  @Test
  void nanAndInfinityBecomeNull() {
    assertThat(written(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY))
        .isEqualTo("[null,null,null]");
  }
}
