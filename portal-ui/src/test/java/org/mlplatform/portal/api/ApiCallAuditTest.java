package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The action a generic audit record names comes from the resource and its method. */
class ApiCallAuditTest {

  @Test
  void namesTheResourceInKebabCaseAndTheMethod() throws Exception {
    assertThat(
            ApiCallAudit.action(
                FeatureViewsResource.class,
                FeatureViewsResource.class.getMethod("delete", String.class)))
        .isEqualTo("api.feature-views.delete");
    assertThat(ApiCallAudit.action(MeResource.class, Object.class.getMethod("hashCode")))
        .isEqualTo("api.me.hashCode");
  }
}
