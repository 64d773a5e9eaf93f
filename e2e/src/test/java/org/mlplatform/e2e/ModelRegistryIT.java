package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.createModel;
import static org.mlplatform.e2e.ModelApi.object;
import static org.mlplatform.e2e.ModelApi.sha256;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The model registry end to end: uploads of a third-party CNN and of bad files, aliases with
 * champion moved only by an approved promotion (four eyes), alias history, model cards,
 * comparisons, and the model, version and task pages in a browser. Training is in {@link
 * ModelTrainingIT}.
 */
@ExtendWith(RunningPlatform.class)
class ModelRegistryIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final Path CNN = Path.of(System.getProperty("mlp.e2e.cnn-model"));

  private static String alice;
  private Browser browser;

  @BeforeAll
  static void logIn() {
    alice = Http.accessToken("alice");
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    if (browser != null) {
      browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
      browser.close();
    }
  }

  @Test
  void aThirdPartyCnnIsRegisteredAndBadFilesAreRefusedWithNothingStored() throws IOException {
    String model = "mr_ocr_" + RUN;
    createModel(model, alice);
    byte[] cnn = Files.readAllBytes(CNN);

    HttpResponse<String> registered =
        upload(model, cnn, "{\"description\":\"PaddleOCR direction classifier\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonObject input =
        object(registered).getJsonObject("signature").getJsonArray("inputs").getJsonObject(0);
    assertThat(input.getString("name")).isEqualTo("x");
    assertThat(input.getJsonArray("shape").toString()).isEqualTo("[-1,3,-1,-1]");
    assertThat(object(registered).getString("sha256")).isEqualTo(sha256(cnn));

    assertRefused(model, new byte[0], 400, "empty");
    assertRefused(model, randomBytes(4096), 400, "not_onnx");
    assertRefused(model, Arrays.copyOf(cnn, cnn.length / 2), 422, "truncated");
    assertRefused(
        model, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, '.'}, 400, "pickle");
    assertRefused(model, zipBytes(), 400, "archive");
    HttpResponse<String> badMetadata = upload(model, cnn, "{\"metrics\":{\"auc\":\"high\"}");
    assertThat(badMetadata.statusCode()).as(badMetadata.body()).isEqualTo(400);

    JsonObject versions = object(Http.get("/api/v1/models/" + model + "/versions", alice));
    assertThat(versions.getInt("total")).isEqualTo(1);
    String viewer = Http.accessToken("victor");
    // A small body: the role check answers before the upload is read, and closes the connection.
    assertThat(ModelApi.upload(model, new byte[] {1}, null, viewer).statusCode()).isEqualTo(403);
  }

  @Test
  void championMovesOnlyByPromotionOtherAliasesMoveAndAreKeptInHistory() throws IOException {
    String model = "mr_alias_" + RUN;
    createModel(model, alice);
    byte[] cnn = Files.readAllBytes(CNN);
    assertThat(upload(model, cnn, null).statusCode()).isEqualTo(201);
    assertThat(upload(model, cnn, "{\"metrics\":{\"accuracy\":0.9}}").statusCode()).isEqualTo(201);

    HttpResponse<String> champion =
        Http.json("PUT", "/api/v1/models/" + model + "/aliases/champion", alice, "{\"version\":2}");
    assertThat(champion.statusCode()).isEqualTo(403);
    assertThat(champion.body()).contains("promotions");
    HttpResponse<String> challenger =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/aliases/challenger",
            alice,
            "{\"version\":2,\"reason\":\"better accuracy\"}");
    assertThat(challenger.statusCode()).as(challenger.body()).isEqualTo(200);
    assertThat(object(challenger).getInt("challenger")).isEqualTo(2);
    assertThat(
            Http.json(
                    "PUT",
                    "/api/v1/models/" + model + "/aliases/challenger",
                    Http.accessToken("bob"),
                    "{\"version\":1}")
                .statusCode())
        .isEqualTo(403);
    JsonArray history =
        (JsonArray) Http.json(Http.get("/api/v1/models/" + model + "/alias-history", alice).body());
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getString("movedBy")).isEqualTo("alice");
    assertThat(history.getJsonObject(0).getInt("to")).isEqualTo(2);

    String carol = Http.accessToken("carol");
    HttpResponse<String> promotion =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/versions/2/promotions",
            carol,
            "{\"alias\":\"champion\"}");
    assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(201);
    String process = object(promotion).getString("processInstanceId");
    String bob = Http.accessToken("bob");
    String task = ModelApi.reviewTask(process, bob);
    String approve = "{\"decision\":\"approve\",\"comment\":\"metrics hold\"}";
    HttpResponse<String> ownReview =
        Http.json("POST", "/api/v1/tasks/" + task + "/complete", carol, approve);
    assertThat(ownReview.statusCode()).as("four eyes").isEqualTo(403);
    assertThat(
            Http.json("POST", "/api/v1/tasks/" + task + "/complete", alice, approve).statusCode())
        .isEqualTo(403);
    HttpResponse<String> approved =
        Http.json("POST", "/api/v1/tasks/" + task + "/complete", bob, approve);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(object(Http.get("/api/v1/models/" + model + "/aliases", alice)).getInt("champion"))
        .isEqualTo(2);
    JsonObject championMove =
        ((JsonArray)
                Http.json(Http.get("/api/v1/models/" + model + "/alias-history", alice).body()))
            .getJsonObject(0);
    assertThat(championMove.getString("alias")).isEqualTo("champion");
    assertThat(championMove.getString("movedBy")).isEqualTo("bob");
    assertThat(Http.json("POST", "/api/v1/tasks/" + task + "/complete", bob, approve).statusCode())
        .isEqualTo(404);

    HttpResponse<String> card =
        Http.json(
            "PUT",
            "/api/v1/models/" + model + "/versions/2/card",
            alice,
            "{\"intendedUse\":\"Rotate *scanned* pages\",\"limitations\":\"Latin script only\"}");
    assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
    String markdown = Http.get("/api/v1/models/" + model + "/versions/2/card.md", alice).body();
    assertThat(markdown).contains("Latin script only").contains("accuracy");

    JsonObject comparison =
        object(Http.get("/api/v1/models/" + model + "/compare?base=1&candidate=2", alice));
    assertThat(comparison.getBoolean("callersFit")).isTrue();
    assertThat(comparison.getJsonArray("metrics").getJsonObject(0).getString("name"))
        .isEqualTo("accuracy");

    browser = new Browser();
    browser.driver.get(RunningPlatform.BASE + "/models/" + model);
    PortalPage portal = KeycloakLoginPage.expect(browser).logInAs("alice");
    portal
        .waitForText("challenger → v2")
        .waitForText("champion → v2")
        .waitForText("better accuracy");
    browser.screenshot("model-page");
    portal.open("/models/" + model + "/versions/2").waitForText(model + " v2");
    assertThat(browser.driver.findElement(By.id("card-limitations")).getDomProperty("value"))
        .isEqualTo("Latin script only");
    browser
        .waitUpTo(30)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lineage-chart[data-rendered=true] canvas")));
    assertThat(browser.driver.findElement(By.id("signature-grid")).getText()).contains("FP32");
    browser.screenshot("model-version-page");

    // A reviewer works the inbox in the browser: champion moves back to v1.
    HttpResponse<String> back =
        Http.json(
            "POST",
            "/api/v1/models/" + model + "/versions/1/promotions",
            alice,
            "{\"overrideJustification\":\"v2 misreads rotated scans in production\"}");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
    String backProcess = object(back).getString("processInstanceId");
    String backTask = ModelApi.reviewTask(backProcess, bob);
    browser.close();
    browser = new Browser();
    browser.driver.get(RunningPlatform.BASE + "/tasks?task=" + backTask);
    KeycloakLoginPage.expect(browser).logInAs("bob").waitForText(model);
    browser
        .waitUpTo(30)
        .until(ExpectedConditions.elementToBeClickable(By.id("task-approve-" + backTask)));
    assertThat(browser.driver.getPageSource()).contains("v2 misreads rotated scans");
    browser
        .driver
        .findElement(By.id("task-comment-" + backTask))
        .findElement(By.tagName("textarea"))
        .sendKeys("agreed, back to v1 until v2 is fixed");
    org.openqa.selenium.WebElement approveButton =
        browser.driver.findElement(By.id("task-approve-" + backTask));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", approveButton);
    approveButton.click();
    // The portal answers with a notification: "Approved", or "Refused: <why>" to fail on.
    browser
        .waitUpTo(30)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Approved"),
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Refused")));
    browser.screenshot("task-inbox");
    assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Refused");
    Instant deadline = Instant.now().plusSeconds(20);
    int nowChampion = 0;
    while (Instant.now().isBefore(deadline) && nowChampion != 1) {
      nowChampion =
          object(Http.get("/api/v1/models/" + model + "/aliases", alice)).getInt("champion");
    }
    assertThat(nowChampion).isEqualTo(1);
  }

  private static void assertRefused(String model, byte[] file, int status, String code) {
    HttpResponse<String> response = upload(model, file, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(object(response).getString("code")).isEqualTo(code);
  }

  private static HttpResponse<String> upload(String model, byte[] file, String metadata) {
    return ModelApi.upload(model, file, metadata, alice);
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(11).nextBytes(bytes);
    bytes[0] = 0x1e; // not a known magic number
    return bytes;
  }

  private static byte[] zipBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("model.onnx"));
      zip.write(Files.readAllBytes(CNN), 0, 1000);
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
