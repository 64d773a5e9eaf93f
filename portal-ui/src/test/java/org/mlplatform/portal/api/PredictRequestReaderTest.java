package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.portal.serving.EntityPredictions;

class PredictRequestReaderTest {

  @Test
  void readsEntitiesOverridesVersionAndRoutingKey() {
    EntityPredictions.Request request =
        read(
            "{\"entities\":{\"customer_id\":[1,2]},\"features\":{\"v:f\":[0.5,null]},"
                + "\"version\":3,\"routingKey\":\"c-1\",\"unknown\":{\"x\":[1]}}");

    assertThat(request.entities().get("customer_id"))
        .containsExactly(BigDecimal.ONE, BigDecimal.TWO);
    assertThat(request.overrides().get("v:f"))
        .isEqualTo(Arrays.asList(new BigDecimal("0.5"), null));
    assertThat(request.version()).hasValue(3);
    assertThat(request.routingKey()).isEqualTo("c-1");
  }

  @Test
  void withoutOptionalFieldsThereAreNoOverridesAndNoVersion() {
    EntityPredictions.Request request = read("{\"entities\":{\"customer_id\":[1]}}");

    assertThat(request.overrides()).isEmpty();
    assertThat(request.version()).isEmpty();
    assertThat(request.routingKey()).isNull();
  }

  @Test
  void outOfShapeBodiesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> read("{\"entities\":{\"customer_id\":[1]"))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> read("{\"entities\":{\"customer_id\":[1]},\"version\":0}"))
        .isInstanceOf(DomainValidationException.class)
        .satisfies(e -> assertThat(((DomainValidationException) e).field()).isEqualTo("version"));
    assertThatThrownBy(() -> read("{\"entities\":{\"customer_id\":[1]},\"version\":1.5}"))
        .isInstanceOf(DomainValidationException.class);
    assertThatThrownBy(() -> read("{\"entities\":[1,2]}"))
        .isInstanceOf(DomainValidationException.class)
        .satisfies(e -> assertThat(((DomainValidationException) e).field()).isEqualTo("entities"));
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(DomainValidationException.class)
        .satisfies(e -> assertThat(((DomainValidationException) e).field()).isEqualTo("body"));
  }

  private static EntityPredictions.Request read(String json) {
    return PredictRequestReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
