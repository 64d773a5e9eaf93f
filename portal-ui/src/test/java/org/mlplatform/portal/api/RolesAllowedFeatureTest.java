package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects REST authorization decisions: a method's {@link Allow} overrides its class's, the
 * class's applies to undecided methods, and a method nobody decided for admits no role at all. That
 * every real resource method is decided is {@link AccessMatrixTest}'s job.
 */
class RolesAllowedFeatureTest {

  @Allow(ApiRoles.VIEWER)
  static class Annotated {
    @Allow({ApiRoles.ADMIN, ApiRoles.REVIEWER})
    public void stricter() {}

    public void inherited() {}
  }

  static class Bare {
    public void undecided() {}
  }

  @Test
  void methodAnnotationWinsOverClass() throws Exception {
    assertThat(allowed(Annotated.class, "stricter"))
        .containsExactly(ApiRoles.ADMIN, ApiRoles.REVIEWER);
  }

  @Test
  void classAnnotationCoversUndecidedMethods() throws Exception {
    assertThat(allowed(Annotated.class, "inherited")).containsExactly(ApiRoles.VIEWER);
  }

  @Test
  void noAnnotationAnywhereDeniesEveryone() throws Exception {
    assertThat(allowed(Bare.class, "undecided")).isEmpty();
  }

  private static List<String> allowed(Class<?> resource, String method)
      throws NoSuchMethodException {
    return RolesAllowedFeature.allowedRoles(resource.getMethod(method), resource);
  }
}
