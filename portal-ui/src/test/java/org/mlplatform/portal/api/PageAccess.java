package org.mlplatform.portal.api;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The access decisions of the portal's Vaadin routes, computed with Vaadin's own {@link
 * AccessAnnotationChecker} on the view and the layouts around it, as {@code
 * NavigationAccessControl} does at navigation time.
 */
final class PageAccess {

  private static final AccessAnnotationChecker CHECKER = new AccessAnnotationChecker();
  private static final List<Class<? extends Annotation>> DECISIONS =
      List.of(PermitAll.class, RolesAllowed.class, AnonymousAllowed.class, DenyAll.class);
  private static final Principal SOMEONE = () -> "someone";

  private PageAccess() {}

  static List<Class<?>> routes(List<Class<?>> classes) {
    return concrete(classes).filter(c -> c.isAnnotationPresent(Route.class)).toList();
  }

  /** Routes, layouts and error views without an access annotation: Vaadin closes them silently. */
  static List<String> undecided(List<Class<?>> classes) {
    return concrete(classes)
        .filter(
            c ->
                c.isAnnotationPresent(Route.class)
                    || c.isAnnotationPresent(Layout.class)
                    || HasErrorParameter.class.isAssignableFrom(c))
        .filter(c -> !decided(c))
        .map(Class::getName)
        .toList();
  }

  /** Role names in {@code @RolesAllowed} that no user can hold. */
  static List<String> unknownRoles(List<Class<?>> classes) {
    List<String> known = Arrays.asList(ApiRoles.ANY);
    return concrete(classes)
        .filter(c -> c.isAnnotationPresent(RolesAllowed.class))
        .filter(c -> !known.containsAll(List.of(c.getAnnotation(RolesAllowed.class).value())))
        .map(c -> c.getSimpleName() + " " + List.of(c.getAnnotation(RolesAllowed.class).value()))
        .toList();
  }

  static List<AccessRow> rows(List<Class<?>> classes) {
    return routes(classes).stream()
        .map(
            view ->
                new AccessRow(
                    AccessRow.PAGE,
                    path(view.getAnnotation(Route.class).value()),
                    AccessRow.NO_BODY,
                    who(view, layouts(view, classes)),
                    view.getSimpleName()))
        .sorted(AccessRow.ORDER)
        .toList();
  }

  /** Whether a user with {@code role} may open {@code view} (view and layouts all admit it). */
  static boolean admits(Class<?> view, String role, List<Class<?>> classes) {
    return admitted(view, layouts(view, classes), SOMEONE, role);
  }

  private static String who(Class<?> view, List<Class<?>> layouts) {
    if (admitted(view, layouts, null, null)) {
      return AccessRow.PUBLIC;
    }
    if (admitted(view, layouts, SOMEONE, null)) {
      return AccessRow.AUTHENTICATED;
    }
    return AccessRow.roles(
        Arrays.stream(ApiRoles.ANY).filter(r -> admitted(view, layouts, SOMEONE, r)).toList());
  }

  private static boolean admitted(
      Class<?> view, List<Class<?>> layouts, Principal principal, String role) {
    return Stream.concat(Stream.of(view), layouts.stream())
        .allMatch(c -> CHECKER.hasAccess(c, principal, r -> r.equals(role)));
  }

  /** The route's explicit layout chain, or the automatic {@code @Layout}s whose path covers it. */
  private static List<Class<?>> layouts(Class<?> view, List<Class<?>> classes) {
    Route route = view.getAnnotation(Route.class);
    List<Class<?>> layouts = new ArrayList<>();
    if (route.layout() != UI.class) {
      for (Class<?> l = route.layout(); l != null; l = parent(l)) {
        layouts.add(l);
      }
    } else if (route.autoLayout()) {
      String path = path(route.value());
      concrete(classes)
          .filter(c -> c.isAnnotationPresent(Layout.class))
          .filter(c -> path.startsWith(path(c.getAnnotation(Layout.class).value())))
          .forEach(layouts::add);
    }
    return layouts;
  }

  private static Class<?> parent(Class<?> layout) {
    ParentLayout parent = layout.getAnnotation(ParentLayout.class);
    return parent == null ? null : parent.value();
  }

  private static boolean decided(Class<?> type) {
    AnnotatedElement target = CHECKER.getSecurityTarget(type);
    return DECISIONS.stream().anyMatch(target::isAnnotationPresent);
  }

  /** A route template in the matrix's form: {@code models/:name} becomes {@code /models/{name}}. */
  static String path(String template) {
    String path = template.replaceAll(":([\\w-]+)[?*]?(\\([^)]*\\))?", "{$1}");
    return path.startsWith("/") ? path : "/" + path;
  }

  private static Stream<Class<?>> concrete(List<Class<?>> classes) {
    return classes.stream().filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()));
  }
}
