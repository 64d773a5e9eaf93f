package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.portal.api.OnlineFeaturesResource.Request;

class OnlineFeaturesRequestReaderTest {

  private static Request read(String json) {
    return OnlineFeaturesRequestReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEveryFieldAndKeepsNumbersAsDecimals() {
    Request request =
        read(
            """
            {"features": ["txn:amount", "txn:count"], "feature_service": null,
             "entities": {"customer_id": [1, 2.5, "x", null, true]},
             "request_context": {"amount": [10]}, "full_feature_names": true,
             "ignored": {"nested": [1, {"a": 2}]}}
            """);

    assertThat(request.features()).containsExactly("txn:amount", "txn:count");
    assertThat(request.feature_service()).isNull();
    assertThat(request.entities().get("customer_id"))
        .containsExactly(new BigDecimal("1"), new BigDecimal("2.5"), "x", null, true);
    assertThat(request.request_context().get("amount")).containsExactly(new BigDecimal("10"));
    assertThat(request.full_feature_names()).isTrue();
  }

  @Test
  void aFeatureServiceAlone() {
    Request request = read("{\"feature_service\": \"fraud:2\", \"entities\": {\"id\": [7]}}");

    assertThat(request.features()).isNull();
    assertThat(request.feature_service()).isEqualTo("fraud:2");
  }

  @Test
  void shapesThatDoNotFitNameTheField() {
    assertThatThrownBy(() -> read("[]"))
        .isInstanceOf(DomainValidationException.class)
        .hasFieldOrPropertyWithValue("field", "body");
    assertThatThrownBy(() -> read("{\"features\": \"txn:amount\"}"))
        .hasFieldOrPropertyWithValue("field", "features");
    assertThatThrownBy(() -> read("{\"features\": [\"a:b\", 3]}"))
        .hasFieldOrPropertyWithValue("field", "features[1]");
    assertThatThrownBy(() -> read("{\"entities\": {\"id\": 7}}"))
        .hasFieldOrPropertyWithValue("field", "entities.id");
    assertThatThrownBy(() -> read("{\"entities\": {\"id\": [[1]]}}"))
        .hasFieldOrPropertyWithValue("field", "entities.id[0]");
    assertThatThrownBy(() -> read("{\"full_feature_names\": \"yes\"}"))
        .hasFieldOrPropertyWithValue("field", "full_feature_names");
  }

  @Test
  void malformedOrEmptyBodiesAreRefused() {
    for (String body : List.of("", "{\"features\": [", "{\"a\" 1}", "nul")) {
      assertThatThrownBy(() -> read(body))
          .as(body)
          .isInstanceOf(DomainValidationException.class)
          .hasFieldOrPropertyWithValue("field", "body");
    }
  }

  @Test
  void nestingInIgnoredFieldsIsSkipped() {
    String body = "{\"x\": " + "[".repeat(400) + "]".repeat(400) + ", \"features\": [\"a:b\"]}";

    assertThat(read(body).features()).containsExactly("a:b");
  }

  @Test
  void absurdNestingInIgnoredFieldsIsRefusedByName() {
    String body = "{\"x\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";

    assertThatThrownBy(() -> read(body))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("nested deeper than 500");
  }
}
