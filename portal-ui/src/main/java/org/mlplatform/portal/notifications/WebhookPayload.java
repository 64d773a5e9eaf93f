package org.mlplatform.portal.notifications;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mlplatform.domain.notifications.Notification;

/**
 * What a webhook receives: the notification as a JSON object, and the signature of those exact
 * bytes.
 *
 * <pre>{@code
 * {"id": "…", "topic": "promotion.approved", "recipient": {"kind": "user", "name": "alice"},
 *  "title": "…", "body": "…", "link": "models/fraud/versions/2",
 *  "url": "https://mlp.example.com/models/fraud/versions/2", "createdAt": "2026-03-01T12:00:00Z"}
 * }</pre>
 *
 * {@code link} and {@code url} are left out when the notification has no link.
 */
public final class WebhookPayload {

  /** The header carrying {@code sha256=<hex of HMAC-SHA256(secret, body)>}. */
  public static final String SIGNATURE_HEADER = "X-MLP-Signature";

  /** Looked up once: {@code Json.create...} searches for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private WebhookPayload() {}

  /**
   * The JSON body, UTF-8.
   *
   * @param portalUrl the portal's public URL, which the link is resolved against
   */
  public static byte[] json(Notification notification, URI portalUrl) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", notification.id().toString())
            .add("topic", notification.topic())
            .add(
                "recipient",
                JSON.createObjectBuilder()
                    .add("kind", notification.recipient().kind().externalName())
                    .add("name", notification.recipient().name()))
            .add("title", notification.title())
            .add("body", notification.body());
    notification
        .link()
        .ifPresent(
            link -> {
              json.add("link", link);
              if (portalUrl != null) {
                json.add("url", portalLink(portalUrl, link));
              }
            });
    json.add("createdAt", notification.createdAt().toString());
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body under the secret. */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String portalLink(URI portalUrl, String link) {
    String base = portalUrl.toString();
    return (base.endsWith("/") ? base : base + "/") + link;
  }
}
