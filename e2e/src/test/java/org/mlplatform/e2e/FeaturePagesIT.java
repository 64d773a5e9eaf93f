package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Features and Training sets areas in a real browser: defining a view with the form, a view's
 * statistics charts and sample rows, and building and opening a training set.
 */
@ExtendWith(RunningPlatform.class)
class FeaturePagesIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void aliceDefinesAFeatureViewWithTheForm() {
    String token = Http.accessToken("alice");
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"pf_customer\",\"joinKeys\":[{\"name\":\"pf_customer_id\",\"type\":\"INT64\"}]}");
    String name = "pf_form_" + RUN;
    browser.driver.get(RunningPlatform.BASE + "/features");
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");

    click("new-feature-view");
    type("view-name", name);
    WebElement entities = input("view-entities");
    entities.sendKeys("pf_customer");
    browser
        .waitUpTo(10)
        .until(
            d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).isEmpty());
    pickAndClose("view-entities", entities);
    type("feature-name-0", "spend_avg");
    choose("feature-type-0", "FLOAT64");
    browser.screenshot("feature-view-form");
    click("save-view");

    portal.waitForText(name + " v1").waitForText("0 rows stored");
    JsonObject stored =
        (JsonObject) Http.json(Http.get("/api/v1/feature-views/" + name, token).body());
    assertThat(stored.getJsonArray("features").getJsonObject(0).getString("type"))
        .isEqualTo("FLOAT64");
    assertThat(stored.getString("owner")).isEqualTo("alice");

    String service = "pf_service_" + RUN;
    portal.open("/features");
    click("new-feature-service");
    type("service-name", service);
    WebElement features = input("service-features");
    features.sendKeys(name + ":spend_avg");
    browser
        .waitUpTo(10)
        .until(
            d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).isEmpty());
    pickAndClose("service-features", features);
    browser.screenshot("feature-service-form");
    click("save-service");
    portal.waitForText(service);
    JsonObject saved =
        (JsonObject) Http.json(Http.get("/api/v1/feature-services/" + service, token).body());
    assertThat(saved.getJsonArray("features").getString(0)).isEqualTo(name + ":spend_avg");
  }

  @Test
  void aViewPageChartsItsStatisticsAndATrainingSetIsBuiltInTheBrowser() throws Exception {
    String token = Http.accessToken("alice");
    String view = "pf_stats_" + RUN;
    Http.json(
        "POST",
        "/api/v1/entities",
        token,
        "{\"name\":\"pf_customer\",\"joinKeys\":[{\"name\":\"pf_customer_id\",\"type\":\"INT64\"}]}");
    HttpResponse<String> created =
        Http.json(
            "POST",
            "/api/v1/feature-views",
            token,
            "{\"name\":\""
                + view
                + "\",\"entities\":[\"pf_customer\"],\"features\":["
                + "{\"name\":\"amount\",\"type\":\"FLOAT64\"},{\"name\":\"city\",\"type\":\"STRING\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      rows.append(i == 0 ? "" : ",")
          .append("{\"pf_customer_id\":")
          .append(i % 50)
          .append(",\"event_timestamp\":\"2026-01-01T")
          .append(String.format("%02d", i / 50))
          .append(":00:00Z\",\"amount\":")
          .append(i * 1.5)
          .append(",\"city\":\"")
          .append(i % 3 == 0 ? "Oslo" : "Rome")
          .append("\"}");
    }
    HttpResponse<String> ingested =
        Http.json(
            "POST", "/api/v1/feature-views/" + view + "/rows", token, rows.append("]").toString());
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

    browser.driver.get(RunningPlatform.BASE + "/features/" + view);
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
    portal.waitForText("Over all 200 stored rows.").waitForText("Last ingest: 20");
    assertThat(browser.driver.findElement(By.id("sample-grid")).isDisplayed()).isTrue();
    awaitChart();
    browser.screenshot("feature-view-statistics");

    Path csv = Files.createTempFile("entity-rows", ".csv");
    Files.writeString(
        csv,
        "pf_customer_id,event_timestamp,label\n1,2026-01-01T02:30:00Z,1\n2,2026-01-01T00:30:00Z,0\n");
    try {
      portal.open("/training-sets").waitForText("Build a training set");
      browser
          .waitUpTo(10)
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//vaadin-radio-button[normalize-space()='Features']")))
          .click();
      WebElement features = input("training-features");
      features.sendKeys(view + ":amount");
      browser
          .waitUpTo(10)
          .until(
              d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).isEmpty());
      pickAndClose("training-features", features);
      browser
          .driver
          .findElement(By.id("entity-rows-upload"))
          .getShadowRoot()
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(csv.toString());
      portal.waitForText("2 entity rows");
      click("build-training-set");
      portal.waitForText("Done: 2 rows.");
      browser.screenshot("training-set-built");
      browser.driver.findElement(By.partialLinkText("Open snapshot")).click();
      portal.waitForText("READY").waitForText("Download CSV").waitForText(view + "__amount");
      awaitChart();
      browser.screenshot("training-set-detail");
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Picks the highlighted item of an open combo box and closes its overlay. */
  private void pickAndClose(String id, WebElement input) {
    input.sendKeys(Keys.ENTER);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].opened = false", element(id));
    browser
        .waitUpTo(10)
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("vaadin-multi-select-combo-box-item")));
  }

  private void awaitChart() {
    browser
        .waitUpTo(30)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#statistics-chart .mlp-chart[data-rendered=true] canvas")));
  }

  private WebElement element(String id) {
    return browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  private WebElement input(String id) {
    return element(id).findElement(By.cssSelector("input"));
  }

  private void click(String id) {
    element(id).click();
  }

  private void type(String id, String text) {
    input(id).sendKeys(text);
  }

  /** Picks an item of a vaadin-select by its text. */
  private void choose(String id, String item) {
    element(id).click();
    browser
        .waitUpTo(10)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='" + item + "']")))
        .click();
  }
}
