package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class EntityKeysJsonTest {

  @Test
  void readsOneColumnPerKeyWithNumbersAsTheApiReadsThem() {
    Map<String, List<Object>> keys =
        EntityKeysJson.parse("{\"customer_id\": [1, 2.5], \"merchant\": [\"m1\", null]}");

    assertThat(keys.keySet()).containsExactly("customer_id", "merchant");
    assertThat(keys.get("customer_id")).containsExactly(new BigDecimal("1"), new BigDecimal("2.5"));
    assertThat(keys.get("merchant")).isEqualTo(Arrays.asList("m1", null));
  }

  @Test
  void aSingleValueIsOneRow() {
    assertThat(EntityKeysJson.parse("{\"customer_id\": 7}").get("customer_id"))
        .containsExactly(new BigDecimal("7"));
  }

  @Test
  void rejectsWhatIsNotAnObjectOfKeyColumns() {
    for (String text : List.of("", "[1, 2]", "{}", "{\"customer_id\": [1,", "{\"a\": [[1]]}")) {
      assertThatThrownBy(() -> EntityKeysJson.parse(text))
          .as(text)
          .isInstanceOf(DomainValidationException.class);
    }
  }
}
