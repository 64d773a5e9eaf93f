package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Protects REST authorization decisions: a method's {@link Allow} overrides its class's, the
 * class's applies to undecided methods, and a method nobody decided for admits no role at all.
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

  @Test
  void everyResourceMethodIsDecided() throws Exception {
    List<Class<?>> resources = resourcesInThisPackage();
    assertThat(resources).contains(MeResource.class, TasksResource.class);
    for (Class<?> resource : resources) {
      for (Method method : resource.getDeclaredMethods()) {
        if (isResourceMethod(method)) {
          assertThat(RolesAllowedFeature.allowedRoles(method, resource))
              .as("%s.%s", resource.getSimpleName(), method.getName())
              .isNotEmpty();
        }
      }
    }
  }

  private static boolean isResourceMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code @Path} classes compiled into this package's main output folder. */
  private static List<Class<?>> resourcesInThisPackage() throws Exception {
    Path folder =
        Path.of(MeResource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(MeResource.class.getPackageName().replace('.', '/'));
    try (Stream<Path> files = Files.list(folder)) {
      List<Class<?>> resources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String simpleName = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(MeResource.class.getPackageName() + "." + simpleName);
        if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
          resources.add(type);
        }
      }
      return resources;
    }
  }

  private static List<String> allowed(Class<?> resource, String method)
      throws NoSuchMethodException {
    return RolesAllowedFeature.allowedRoles(resource.getMethod(method), resource);
  }
}
