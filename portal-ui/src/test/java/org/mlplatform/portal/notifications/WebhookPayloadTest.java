package org.mlplatform.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.Recipient;

class WebhookPayloadTest {

  private static JsonObject parse(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }

  @Test
  void theSignatureIsHexHmacSha256OfTheBody() {
    // The published HMAC-SHA256 example (RFC 4231 style, as in Wikipedia's HMAC article).
    byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookPayload.signature("key", body))
        .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void aNotificationWithoutLinkHasNoLinkOrUrl() {
    Notification n =
        Notification.create(
            Recipient.group("reviewer"),
            "promotion.requested",
            "fraud v2 waits",
            "",
            null,
            Instant.parse("2026-03-01T12:00:00.5Z"));

    JsonObject json = parse(WebhookPayload.json(n, URI.create("https://mlp.example.com/")));

    assertThat(json.containsKey("link")).isFalse();
    assertThat(json.containsKey("url")).isFalse();
    assertThat(json.getJsonObject("recipient").getString("kind")).isEqualTo("group");
    assertThat(json.getString("body")).isEmpty();
    assertThat(json.getString("createdAt")).isEqualTo("2026-03-01T12:00:00.500Z");
  }

  @Test
  void theUrlJoinsThePortalAndTheRoute() {
    Notification n =
        Notification.create(
            Recipient.user("alice"),
            "a.b",
            "t",
            "",
            "tasks",
            Instant.parse("2026-03-01T12:00:00Z"));

    assertThat(parse(WebhookPayload.json(n, URI.create("http://host:8080/"))).getString("url"))
        .isEqualTo("http://host:8080/tasks");
    assertThat(parse(WebhookPayload.json(n, URI.create("http://host:8080"))).getString("url"))
        .isEqualTo("http://host:8080/tasks");
    assertThat(parse(WebhookPayload.json(n, null)).containsKey("url")).isFalse();
  }
}
