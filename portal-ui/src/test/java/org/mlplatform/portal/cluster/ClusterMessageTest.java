package org.mlplatform.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mlplatform.portal.cluster.ClusterMessage.Kind;

class ClusterMessageTest {

  @Test
  void everyKindSurvivesTheWire() {
    for (Kind kind : Kind.values()) {
      ClusterMessage sent =
          kind == Kind.ALIAS_MOVED || kind == Kind.CATALOG_CHANGED
              ? ClusterMessage.of(kind, "fraud", "champion")
              : ClusterMessage.of(kind, "fv_customer_v2");
      assertThat(ClusterMessage.decode(sent.encode())).isEqualTo(sent);
    }
  }

  @Test
  void aMessageCarriesExactlyItsKindsNames() {
    assertThatThrownBy(() -> ClusterMessage.of(Kind.ALIAS_MOVED, "fraud"))
        .hasMessageContaining("ALIAS_MOVED carries 2 names");
    assertThatThrownBy(() -> ClusterMessage.decode("DEPLOYMENT_CHANGED\tfraud\textra"))
        .hasMessageContaining("carries 1 names");
  }

  @Test
  void namesCannotSmuggleASeparator() {
    assertThatThrownBy(() -> ClusterMessage.of(Kind.DEPLOYMENT_CHANGED, "a\tALIAS_MOVED"))
        .hasMessageContaining("not a name to send");
    assertThatThrownBy(() -> ClusterMessage.of(Kind.DEPLOYMENT_CHANGED, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKindFromANewerNodeIsNamed() {
    assertThatThrownBy(() -> ClusterMessage.decode("MODEL_EXPLODED\tx"))
        .hasMessageContaining("unknown cluster message kind: MODEL_EXPLODED");
  }

  @Test
  void onlyPortalPagesPinTheBrowserToANode() {
    assertThat(NodeCookieFilter.isPortal("/models/fraud")).isTrue();
    assertThat(NodeCookieFilter.isPortal("/")).isTrue();
    assertThat(NodeCookieFilter.isPortal("/VAADIN/build/x.js")).isTrue();
    assertThat(NodeCookieFilter.isPortal("/api/v1/models")).isFalse();
    assertThat(NodeCookieFilter.isPortal("/v2/models/fraud/infer")).isFalse();
    assertThat(NodeCookieFilter.isPortal("/v2")).isFalse();
    assertThat(NodeCookieFilter.isPortal("/health/ready")).isFalse();
    assertThat(NodeCookieFilter.isPortal("/metrics")).isFalse();
  }
}
