package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Single sign-on through Keycloak's real login page in headless Chromium. */
@ExtendWith(RunningPlatform.class)
class PortalLoginIT {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    // The last screen of every test, to look at when one fails.
    browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void aliceLogsInSeesHerNameAndLogsOutOfKeycloakToo() {
    browser.driver.get(RunningPlatform.BASE + "/");

    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
    browser.screenshot("home-alice");

    assertThat(portal.userName()).isEqualTo("Alice Archer");
    assertThat(portal.userRoles()).contains("data-scientist");
    assertThat(portal.heading("welcome")).isEqualTo("Welcome, Alice Archer");
    assertThat(portal.navigation())
        .contains("Features", "Models", "Deployments", "Monitoring", "Tasks", "Search")
        .doesNotContain("Audit");

    KeycloakLoginPage again = portal.logOut();
    browser.driver.get(RunningPlatform.BASE + "/models");
    KeycloakLoginPage.expect(browser);
    assertThat(again).isNotNull();
  }

  @Test
  void everyAreaOpensAndSaysHonestlyWhatItHas() {
    browser.driver.get(RunningPlatform.BASE + "/");
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");

    String token = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"portal_customer\",\"joinKeys\":[{\"name\":\"portal_customer_id\",\"type\":\"INT64\"}]}");
    Http.json(
        "POST",
        "/api/v1/feature-views",
        token,
        "{\"name\":\"portal_txn_stats\",\"entities\":[\"portal_customer\"],\"ttlSeconds\":86400,"
            + "\"features\":[{\"name\":\"amount_avg\",\"type\":\"FLOAT64\"}],\"tags\":[\"payments\"]}");
    try {
      portal.open("/features").waitForText("portal_txn_stats").waitForText("amount_avg FLOAT64");
      browser.screenshot("features-alice");
    } finally {
      Http.json("DELETE", "/api/v1/feature-views/portal_txn_stats", token, null);
      Http.json("DELETE", "/api/v1/entities/portal_customer", token, null);
    }
    portal.open("/models").waitForText("Models").waitForText("New model");
    portal.open("/deployments").waitForText("Deployments").waitForText("Batch predictions");
    portal.open("/monitoring").waitForText("Monitoring").waitForText("Deployed models");
    portal.open("/search").waitForText("Lucene syntax");
    portal.open("/tasks").waitForText("No open tasks for you or your roles");
    portal.open("/no-such-page").waitForText("There is no page at /no-such-page");
  }

  @Test
  void aliceUploadsACsvInTheBrowserAndFollowsTheJob() throws Exception {
    String token = Http.accessToken("alice");
    String view = "up_txn_" + Long.toString(System.nanoTime(), 36);
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"up_customer\",\"joinKeys\":[{\"name\":\"up_customer_id\",\"type\":\"INT64\"}]}");
    Http.json(
        "POST",
        "/api/v1/feature-views",
        token,
        "{\"name\":\""
            + view
            + "\",\"entities\":[\"up_customer\"],\"description\":\"uploaded in the portal\","
            + "\"features\":[{\"name\":\"amount\",\"type\":\"FLOAT64\"}]}");
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("rows", ".csv");
    StringBuilder rows = new StringBuilder("up_customer_id,event_timestamp,amount\n");
    for (int i = 0; i < 2_000; i++) {
      rows.append(i).append(",2026-01-01T00:00:00Z,").append(i).append(".5\n");
    }
    java.nio.file.Files.writeString(csv, rows);
    try {
      browser.driver.get(RunningPlatform.BASE + "/features/" + view);
      PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
      portal.waitForText("uploaded in the portal").waitForText("0 rows stored");

      org.openqa.selenium.WebElement upload = browser.driver.findElement(By.id("csv-upload"));
      upload
          .getShadowRoot()
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(csv.toString());
      portal.waitForText("Done: 2000 rows accepted.");
      browser.screenshot("upload-alice");

      portal.open("/features/" + view).waitForText("2000 rows stored");
    } finally {
      java.nio.file.Files.deleteIfExists(csv);
    }
  }

  @Test
  void aDeepLinkSurvivesTheLogin() {
    browser.driver.get(RunningPlatform.BASE + "/tasks");

    KeycloakLoginPage.expect(browser).logInAs("bob");

    assertThat(browser.driver.getCurrentUrl()).isEqualTo(RunningPlatform.BASE + "/tasks");
    PortalPage.expect(browser);
    // The inbox, empty or not: other tests share the platform and may leave bob a review.
    browser
        .waitUpTo(30)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("task-grid")),
                ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "No open tasks for you or your roles")));
  }

  @Test
  void carolSeesHerOwnLoginInTheAuditTrail() {
    browser.driver.get(RunningPlatform.BASE + "/");
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("carol");
    assertThat(portal.navigation()).contains("Audit");

    portal.open("/audit").waitForText("portal.login").waitForText("carol");
    browser.screenshot("audit-carol");
  }

  @Test
  void aViewerCannotOpenTheAuditTrail() {
    browser.driver.get(RunningPlatform.BASE + "/audit");
    KeycloakLoginPage.expect(browser).logInAs("victor");

    PortalPage.expect(browser).waitForText("Your roles do not open this page");
    assertThat(browser.driver.getPageSource()).doesNotContain("audit-grid");
  }
}
