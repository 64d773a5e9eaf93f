package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Walks the checked-in access matrix ({@code portal-ui/src/test/resources/access-matrix.tsv}, which
 * portal-ui's AccessMatrixTest holds to the code) against the running platform: every endpoint
 * without a token and with each role's token, every portal page without a login and in a browser
 * logged in as each role.
 *
 * <p>Path parameters name things that do not exist and bodies are empty, so a call that gets past
 * access control finds nothing to change; a mutating call that nevertheless succeeds fails the
 * test, since the platform is shared with the other end-to-end tests.
 */
@ExtendWith(RunningPlatform.class)
class AccessMatrixIT {

  private static final Logger LOG = Logger.getLogger(AccessMatrixIT.class.getName());

  static final Path MATRIX =
      RunningPlatform.ROOT.resolve("portal-ui/src/test/resources/access-matrix.tsv");

  /** One demo user per role; the password is the user name. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("viewer", "victor");
    USERS.put("data-scientist", "alice");
    USERS.put("reviewer", "bob");
    USERS.put("admin", "carol");
  }

  static final String ABSENT_NAME = "matrix_absent";
  static final String ABSENT_VERSION = "999999";
  static final String ABSENT_ID = "00000000-0000-4000-8000-00000000a85e";

  /** Mutating calls that may succeed on the walk: they touch only the caller's own inbox. */
  private static final Set<String> HARMLESS_SUCCESS = Set.of("POST /api/v1/notifications/read-all");

  private static final String ACCESS_DENIED = "Your roles do not open this page";

  /** Keycloak's access tokens live five minutes; a cached one is reused for four. */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
  private static final AtomicInteger CHECKS = new AtomicInteger();
  private static final Map<Integer, Integer> STATUSES = new ConcurrentSkipListMap<>();

  @AfterAll
  static void reportChecks() {
    LOG.info(
        () ->
            "access matrix: "
                + CHECKS.get()
                + " checks on "
                + rows(r -> true).size()
                + " rows; HTTP answers by status: "
                + STATUSES);
  }

  @Test
  void theMatrixCoversApiInferencePublicEndpointsAndPages() {
    assertThat(rows(r -> r.path().startsWith("/api/v1/"))).hasSizeGreaterThan(50);
    assertThat(rows(r -> r.path().startsWith("/v2"))).isNotEmpty();
    assertThat(rows(Row::isPublic)).isNotEmpty();
    assertThat(rows(Row::isPage)).isNotEmpty();
    assertThat(rows(r -> r.method().equals("GET") && r.path().equals("/api/v1/audit")))
        .singleElement()
        .satisfies(audit -> assertThat(audit.who()).isEqualTo("admin"));
  }

  @Test
  void withoutATokenOnlyPublicEndpointsAnswer() {
    assertThat(anonymousProblems(RunningPlatform.BASE, rows(r -> !r.isPage())))
        .as("calls without a token")
        .isEmpty();
  }

  @Test
  void everyRoleGetsExactlyWhatTheMatrixAdmits() {
    assertThat(roleProblems(RunningPlatform.BASE, rows(r -> !r.isPage())))
        .as("calls with each role's token")
        .isEmpty();
  }

  /**
   * The dedicated inference port authenticates on its own, so it is walked on its own: {@code /v2},
   * predictions by key and online lookups.
   */
  @Test
  void theInferencePortAppliesTheSameRules() {
    String port = "http://localhost:" + RunningPlatform.INFERENCE_PORT;
    Set<String> carried = Set.of("/api/v1/online-features", "/api/v1/models/{name}/predict");
    List<Row> inference = rows(r -> r.path().startsWith("/v2") || carried.contains(r.path()));
    assertThat(inference.stream().filter(r -> carried.contains(r.path()))).hasSize(2);

    assertThat(anonymousProblems(port, inference)).as("without a token").isEmpty();
    assertThat(roleProblems(port, inference)).as("with each role's token").isEmpty();
  }

  @Test
  void everyPageSendsAnAnonymousVisitorToTheLogin() {
    List<String> problems = new ArrayList<>();
    for (Row page : rows(Row::isPage)) {
      HttpResponse<String> response = call(RunningPlatform.BASE, page, null);
      if (page.isPublic() == sendsToLogin(response)) {
        problems.add(page + ": " + response.statusCode() + " " + excerpt(response));
      }
    }
    assertThat(problems).as("portal pages without a login").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"viewer", "data-scientist", "reviewer", "admin"})
  void everyPageOpensExactlyForItsRoles(String role) {
    List<String> problems = new ArrayList<>();
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/");
      KeycloakLoginPage.expect(browser).logInAs(USERS.get(role));
      for (Row page : rows(Row::isPage)) {
        CHECKS.incrementAndGet();
        browser.driver.get(RunningPlatform.BASE + page.concretePath());
        PortalPage shell = PortalPage.expect(browser);
        if (!page.admits(role)) {
          shell.waitForText(ACCESS_DENIED);
        } else if (browser
            .driver
            .findElement(By.tagName("body"))
            .getText()
            .contains(ACCESS_DENIED)) {
          problems.add(page + " refused");
        }
      }
    }
    assertThat(problems).as("pages as %s", role).isEmpty();
  }

  private static List<String> anonymousProblems(String base, List<Row> rows) {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      HttpResponse<String> response = call(base, row, null);
      int status = response.statusCode();
      if (row.isPublic() ? refused(status) || sendsToLogin(response) : status != 401) {
        problems.add(row + " without a token: " + status + " " + excerpt(response));
      }
    }
    return problems;
  }

  private static List<String> roleProblems(String base, List<Row> rows) {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      for (Map.Entry<String, String> user : USERS.entrySet()) {
        HttpResponse<String> response = call(base, row, token(user.getValue()));
        String problem = problem(row, user.getKey(), response);
        if (problem != null) {
          problems.add(row + " as " + user.getKey() + ": " + problem);
        }
      }
    }
    return problems;
  }

  /** Null when the answer fits the matrix; else what is wrong with it. */
  private static String problem(Row row, String role, HttpResponse<String> response) {
    int status = response.statusCode();
    if (!row.admits(role)) {
      // The role check's own refusal names the roles, unlike a 403 for other reasons.
      return status == 403 && response.body().contains("role")
          ? null
          : "expected the role check's 403, got " + status + " " + excerpt(response);
    }
    if (refused(status) || sendsToLogin(response)) {
      return "refused with " + status + " " + excerpt(response);
    }
    if (status >= 500 && status != 503) {
      // An absent name is the caller's mistake: a 4xx, never an error of ours (503: starting).
      return "server error " + status + " " + excerpt(response);
    }
    if (row.mutates() && status / 100 == 2 && !HARMLESS_SUCCESS.contains(row.key())) {
      return "succeeded (" + status + ") on an absent target: the walk changed state";
    }
    return null;
  }

  private static boolean refused(int status) {
    return status == 401 || status == 403;
  }

  /** A redirect to the identity provider's login page: a refusal for an API client. */
  private static boolean sendsToLogin(HttpResponse<String> response) {
    return response.statusCode() / 100 == 3
        && response.headers().firstValue("Location").orElse("").startsWith(RunningPlatform.ISSUER);
  }

  private static HttpResponse<String> call(String base, Row row, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + row.concretePath()))
            .timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    SampleBody body = SampleBody.of(row.body());
    if (body.contentType() != null) {
      request.header("Content-Type", body.contentType());
    }
    request.method(
        row.isPage() ? "GET" : row.method(),
        body.content() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.content()));
    CHECKS.incrementAndGet();
    HttpResponse<String> response = Http.send(request.build());
    STATUSES.merge(response.statusCode(), 1, Integer::sum);
    return response;
  }

  private static String excerpt(HttpResponse<String> response) {
    String body = response.body().replaceAll("\\s+", " ");
    return body.length() > 160 ? body.substring(0, 160) + "..." : body;
  }

  private static String token(String user) {
    return TOKENS
        .compute(
            user,
            (u, cached) ->
                cached != null && cached.fetched().isAfter(Instant.now().minus(TOKEN_REUSE))
                    ? cached
                    : new Token(Http.accessToken(u), Instant.now()))
        .value();
  }

  private static List<Row> rows(Predicate<Row> which) {
    try {
      return Files.readAllLines(MATRIX).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(Row::parse)
          .filter(which)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Token(String value, Instant fetched) {}

  /** What a call sends for the matrix's body column: empty, so nothing validates. */
  private record SampleBody(String contentType, String content) {

    static SampleBody of(String kind) {
      return switch (kind) {
        case "-" -> new SampleBody(null, null);
        case "json" -> new SampleBody("application/json", "{}");
        case "csv" -> new SampleBody("text/csv", ABSENT_NAME + "\n");
        case "multipart" ->
            // Metadata without the model file: an upload that can only be rejected.
            new SampleBody(
                "multipart/form-data; boundary=matrix",
                "--matrix\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n\r\n{}\r\n--matrix--\r\n");
        default ->
            throw new IllegalArgumentException(
                "no sample body for '" + kind + "': add one to AccessMatrixIT");
      };
    }
  }

  /** One line of the matrix: method (PAGE for a portal route), path, body, who, decided by. */
  record Row(String method, String path, String body, String who, String decidedBy) {

    static Row parse(String line) {
      String[] columns = line.split("\t");
      if (columns.length != 5) {
        throw new IllegalArgumentException("not five tab-separated columns: " + line);
      }
      return new Row(columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    boolean isPage() {
      return method.equals("PAGE");
    }

    boolean isPublic() {
      return who.equals("public");
    }

    boolean mutates() {
      return !Set.of("GET", "HEAD", "OPTIONS", "PAGE").contains(method);
    }

    boolean admits(String role) {
      return isPublic() || who.equals("authenticated") || List.of(who.split(",")).contains(role);
    }

    String key() {
      return method + " " + path;
    }

    /** The path with absent names: ids as an unused UUID, versions as 999999. */
    String concretePath() {
      return path.replace("{version}", ABSENT_VERSION)
          .replaceAll("\\{(id|\\w+Id)}", ABSENT_ID)
          .replaceAll("\\{[^}]+}", ABSENT_NAME);
    }

    @Override
    public String toString() {
      return key() + (body.equals("-") ? "" : " (" + body + ")");
    }
  }
}
