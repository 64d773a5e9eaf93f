package org.mlplatform.portal.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The checked-in access matrix ({@code src/test/resources/access-matrix.tsv}) as the code decides
 * it. The e2e module's AccessMatrixIT reads the same file and calls every row against the running
 * platform, so the file is the one list both the annotations and the live system are held to.
 */
final class AccessMatrix {

  static final String FILE_NAME = "access-matrix.tsv";

  private static final String HEADER =
      """
      # MLP access matrix: who may call what. Generated from the code; do not edit by hand.
      # AccessMatrixTest (portal-ui) fails when this file and the code disagree and prints the file
      # to paste; or rewrite it with:
      #   ./mvnw -B -q test -pl portal-ui -Dtest=AccessMatrixTest -Daccess-matrix.write=true
      # AccessMatrixIT (e2e) calls every row without a token and as every role.
      #
      # Columns (tab-separated): method (PAGE for a portal route), path, body sent (json, csv,
      # multipart, - for none), who (roles; authenticated = any logged-in user; public = no
      # token; none = nobody), decided by.
      """;

  private AccessMatrix() {}

  static Path file() {
    return CompiledMainClasses.moduleFolder().resolve("src/test/resources").resolve(FILE_NAME);
  }

  /** The whole file for these classes. */
  static String render(List<Class<?>> classes) {
    StringBuilder out = new StringBuilder(HEADER);
    section(
        out,
        "REST API: JAX-RS resources, decided by @Allow (RolesAllowedFeature)",
        RestAccess.rows(classes));
    section(
        out,
        "Open Inference Protocol, also on the inference port: decided in OipEndpoint",
        AccessDecidedElsewhere.inferenceRows());
    section(
        out,
        "No token needed: probes, scrapers and the login flow",
        AccessDecidedElsewhere.publicRows());
    section(
        out,
        "Portal pages: Vaadin routes, decided by @PermitAll/@RolesAllowed on view and layout",
        PageAccess.rows(classes));
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<AccessRow> rows) {
    out.append('\n').append("# ").append(title).append('\n');
    rows.stream().sorted(AccessRow.ORDER).forEach(r -> out.append(r.line()).append('\n'));
  }
}
