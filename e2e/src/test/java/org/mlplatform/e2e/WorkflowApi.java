package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.object;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Promotion, task and process calls the governed-workflow tests share, over REST and in Chromium.
 */
final class WorkflowApi {

  private WorkflowApi() {}

  static String ask(String token, String model, int version, String body) {
    HttpResponse<String> asked =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/versions/" + version + "/promotions",
            token,
            body);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    return object(asked).getString("processInstanceId");
  }

  static JsonObject process(String token, String id) {
    HttpResponse<String> got = Http.get("/api/v1/processes/" + id, token);
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    return object(got);
  }

  static JsonObject awaitEnd(String token, String id, int seconds) {
    Instant deadline = Instant.now().plusSeconds(seconds);
    JsonObject process = process(token, id);
    while (running(process) && Instant.now().isBefore(deadline)) {
      ServingApi.sleep(250);
      process = process(token, id);
    }
    assertThat(running(process)).as("process ended: " + process).isFalse();
    return process;
  }

  static boolean running(JsonObject process) {
    return !process.containsKey("ended") || process.isNull("ended");
  }

  static String outcome(JsonObject process) {
    return process.getJsonObject("variables").getString("outcome", "");
  }

  /** Alice asks on the version's page, with a canary share; returns the process it started. */
  static String askInThePortal(String model, int version, int canaryPercent) {
    try (Browser browser = new Browser()) {
      browser.driver.get(RunningPlatform.BASE + "/models/" + model + "/versions/" + version);
      KeycloakLoginPage.expect(browser).logInAs("alice").waitForText(model + " v" + version);
      org.openqa.selenium.WebElement share =
          browser
              .waitUpTo(30)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("promotion-canary")))
              .findElement(By.tagName("input"));
      share.sendKeys(
          org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
          org.openqa.selenium.Keys.DELETE);
      share.sendKeys(Integer.toString(canaryPercent), org.openqa.selenium.Keys.TAB);
      click(browser, browser.driver.findElement(By.id("promotion-request")));
      String href =
          browser
              .waitUpTo(30)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("promotion-process-link")))
              .getDomAttribute("href");
      browser.screenshot("promotion-requested");
      return href.substring(href.lastIndexOf('/') + 1);
    }
  }

  /** The review panel sits below the inbox: bring a button into view before clicking it. */
  static void click(Browser browser, org.openqa.selenium.WebElement button) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  static List<String> notificationTopics(String token) {
    return ((JsonArray) Http.json(Http.get("/api/v1/notifications?limit=500", token).body()))
        .getValuesAs(JsonObject.class).stream().map(n -> n.getString("topic")).toList();
  }

  static int champion(String token, String model) {
    return object(Http.get("/api/v1/models/" + model + "/aliases", token)).getInt("champion");
  }

  static HttpResponse<String> task(String action, String taskId, String token, String body) {
    return Http.json("POST", "/api/v1/tasks/" + taskId + "/" + action, token, body);
  }
}
