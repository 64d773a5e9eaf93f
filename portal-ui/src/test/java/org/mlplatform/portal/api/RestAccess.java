package org.mlplatform.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The access decisions of the JAX-RS resources, read the way {@link RolesAllowedFeature} reads
 * them: the method's {@link Allow}, else its class's.
 */
final class RestAccess {

  static final String BASE = RestApplication.class.getAnnotation(ApplicationPath.class).value();

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  /** A resource method as JAX-RS serves it. */
  record Endpoint(Class<?> resource, Method method, String httpMethod) {

    String path() {
      Path inner = method.getAnnotation(Path.class);
      return join(
          BASE, resource.getAnnotation(Path.class).value(), inner == null ? "" : inner.value());
    }

    String name() {
      return resource.getSimpleName() + "#" + method.getName();
    }

    List<String> roles() {
      return RolesAllowedFeature.allowedRoles(method, resource);
    }

    boolean decided() {
      return method.isAnnotationPresent(Allow.class) || resource.isAnnotationPresent(Allow.class);
    }

    AccessRow row() {
      return new AccessRow(httpMethod, path(), body(), AccessRow.roles(roles()), name());
    }

    /** What a caller sends: the first media type the method (or its class) consumes. */
    private String body() {
      if (!WITH_BODY.contains(httpMethod)) {
        return AccessRow.NO_BODY;
      }
      Consumes consumes =
          method.isAnnotationPresent(Consumes.class)
              ? method.getAnnotation(Consumes.class)
              : resource.getAnnotation(Consumes.class);
      List<String> types =
          consumes == null
              ? List.of("application/json")
              : Arrays.stream(consumes.value())
                  .flatMap(v -> Arrays.stream(v.split(",")))
                  .map(t -> t.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT))
                  .toList();
      if (types.contains("application/json") || types.contains("*/*")) {
        return "json";
      }
      if (types.contains("text/csv")) {
        return "csv";
      }
      if (types.contains("multipart/form-data")) {
        return "multipart";
      }
      return types.getFirst();
    }
  }

  private RestAccess() {}

  /** Every resource method of the root resources among {@code classes}. */
  static List<Endpoint> endpoints(List<Class<?>> classes) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> resource : rootResources(classes)) {
      for (Method method : resource.getMethods()) {
        for (String httpMethod : httpMethods(method)) {
          endpoints.add(new Endpoint(resource, method, httpMethod));
        }
      }
    }
    endpoints.sort(Comparator.comparing((Endpoint e) -> e.row(), AccessRow.ORDER));
    return endpoints;
  }

  static List<AccessRow> rows(List<Class<?>> classes) {
    return endpoints(classes).stream().map(Endpoint::row).toList();
  }

  /** Resource methods without an {@link Allow} on them or their class: denied, but undecided. */
  static List<String> undecided(List<Class<?>> classes) {
    return endpoints(classes).stream()
        .filter(e -> !e.decided())
        .map(e -> e.name() + " (" + e.httpMethod() + " " + e.path() + ")")
        .toList();
  }

  /** Role names in {@link Allow}s that no user can hold: a typo would lock everyone out. */
  static List<String> unknownRoles(List<Class<?>> classes) {
    List<String> known = Arrays.asList(ApiRoles.ANY);
    return endpoints(classes).stream()
        .filter(e -> !known.containsAll(e.roles()))
        .map(e -> e.name() + " " + e.roles())
        .toList();
  }

  /**
   * Methods with a {@code @Path} but no HTTP method: sub-resource locators, whose methods the
   * matrix would not see.
   */
  static List<String> subResourceLocators(List<Class<?>> classes) {
    List<String> locators = new ArrayList<>();
    for (Class<?> resource : rootResources(classes)) {
      for (Method method : resource.getMethods()) {
        if (method.isAnnotationPresent(Path.class) && httpMethods(method).isEmpty()) {
          locators.add(resource.getSimpleName() + "#" + method.getName());
        }
      }
    }
    return locators;
  }

  private static List<Class<?>> rootResources(List<Class<?>> classes) {
    return classes.stream()
        .filter(c -> c.isAnnotationPresent(Path.class))
        .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
        .toList();
  }

  private static List<String> httpMethods(Method method) {
    if (method.isBridge() || method.isSynthetic()) {
      return List.of();
    }
    List<String> methods = new ArrayList<>();
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        methods.add(http.value());
      }
    }
    return methods;
  }

  /** Joins path segments with single slashes; {@code {id: [0-9]+}} becomes {@code {id}}. */
  static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      String trimmed = part.replaceAll("^/+|/+$", "");
      if (!trimmed.isEmpty()) {
        path.append('/').append(trimmed);
      }
    }
    return path.isEmpty()
        ? "/"
        : path.toString().replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
  }
}
