package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

/** Names end up as SQL identifiers and file names: nothing but a safe alphabet gets through. */
class ResourceNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"customer", "txn_stats_30d", "a"})
  void acceptsSafeNames(String name) {
    assertThat(ResourceName.of("name", name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Customer",
        "1st",
        "_x",
        "a-b",
        "../etc",
        "a/b",
        "a\\b",
        "x;drop table y",
        "ä",
        "a b",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"
      })
  void refusesEverythingElseNamingTheField(String name) {
    assertThatThrownBy(() -> ResourceName.of("features[0].name", name))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("features[0].name"))
        .hasMessageContaining("invalid name");
  }
}
