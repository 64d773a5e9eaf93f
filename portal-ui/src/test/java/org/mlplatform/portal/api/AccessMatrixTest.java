package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Servlet;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.security.BearerTokenFilter;
import org.mlplatform.portal.ui.audit.AuditView;

/**
 * Access control that cannot be forgotten: every REST method, portal route and servlet in
 * portal-ui's compiled classes carries an explicit decision, and the checked-in access matrix says
 * the same as the code. When the matrix is stale the failure prints the corrected file.
 */
class AccessMatrixTest {

  private static final List<Class<?>> CLASSES = CompiledMainClasses.all();

  @Path("undecided")
  static class Undecided {
    @GET
    public String get() {
      return "";
    }
  }

  @Test
  void theScanSeesResourcesAndRoutesOfEveryPackage() {
    assertThat(RestAccess.endpoints(CLASSES))
        .extracting(e -> e.resource().getSimpleName())
        .contains("MeResource", "ModelsResource", "TasksResource", "AuditResource");
    assertThat(PageAccess.routes(CLASSES)).contains(AuditView.class);
  }

  @Test
  void everyResourceMethodIsDecided() {
    assertThat(RestAccess.undecided(CLASSES))
        .as("REST methods without @Allow on the method or its class: add one")
        .isEmpty();
    assertThat(RestAccess.subResourceLocators(CLASSES))
        .as("sub-resource locators: the access matrix cannot see their methods")
        .isEmpty();
  }

  @Test
  void aResourceMethodWithoutAllowIsReported() {
    assertThat(RestAccess.undecided(List.of(Undecided.class)))
        .containsExactly("Undecided#get (GET /api/v1/undecided)");
  }

  @Test
  void everyRouteLayoutAndErrorViewIsDecided() {
    assertThat(PageAccess.undecided(CLASSES))
        .as("Vaadin views without @PermitAll, @RolesAllowed, @AnonymousAllowed or @DenyAll")
        .isEmpty();
  }

  @Test
  void everyNamedRoleExists() {
    assertThat(RestAccess.unknownRoles(CLASSES)).as("@Allow with unknown roles").isEmpty();
    assertThat(PageAccess.unknownRoles(CLASSES)).as("@RolesAllowed with unknown roles").isEmpty();
  }

  @Test
  void everyServletHasAStatedRule() {
    List<String> servlets =
        CLASSES.stream()
            .filter(c -> c.isAnnotationPresent(WebServlet.class) || isConcreteServlet(c))
            .filter(c -> !AccessDecidedElsewhere.SERVLETS.containsKey(c))
            .map(Class::getName)
            .toList();
    assertThat(servlets)
        .as("servlets without an access rule in AccessDecidedElsewhere.SERVLETS")
        .isEmpty();
  }

  @Test
  void theApiAndInferenceNeedABearerToken() {
    assertThat(BearerTokenFilter.class.getAnnotation(WebFilter.class).urlPatterns())
        .contains("/api/*", "/v2/*");
  }

  @Test
  void aViewerIsRefusedTheAuditTrail() {
    assertThat(PageAccess.admits(AuditView.class, ApiRoles.VIEWER, CLASSES)).isFalse();
    assertThat(PageAccess.admits(AuditView.class, ApiRoles.DATA_SCIENTIST, CLASSES)).isFalse();
    assertThat(PageAccess.admits(AuditView.class, ApiRoles.REVIEWER, CLASSES)).isFalse();
    assertThat(PageAccess.admits(AuditView.class, ApiRoles.ADMIN, CLASSES)).isTrue();
  }

  @Test
  void theMatrixFileMatchesTheCode() throws IOException {
    String expected = AccessMatrix.render(CLASSES);
    java.nio.file.Path file = AccessMatrix.file();
    if (Boolean.getBoolean("access-matrix.write")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(changes(actual, expected))
        .as(
            "%s is stale (- in the file, + in the code). Replace its content with the following"
                + " (or run with -Daccess-matrix.write=true):%n%n%s%n",
            file, expected)
        .isEmpty();
    assertThat(actual).as("%s: same lines, other order", file).isEqualTo(expected);
  }

  /** The lines only the file has ("- ") and those only the code has ("+ "). */
  private static List<String> changes(String actual, String expected) {
    List<String> was = actual.lines().toList();
    List<String> is = expected.lines().toList();
    return java.util.stream.Stream.concat(
            was.stream().filter(l -> !is.contains(l)).map(l -> "- " + l),
            is.stream().filter(l -> !was.contains(l)).map(l -> "+ " + l))
        .toList();
  }

  private static boolean isConcreteServlet(Class<?> type) {
    return Servlet.class.isAssignableFrom(type)
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers());
  }
}
