package org.mlplatform.domain.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mlplatform.domain.DomainValidationException;

/**
 * A message left for a user or a group: immutable once sent, except for whether its reader has read
 * it. Times are kept to the microsecond, as the database keeps them.
 *
 * @param topic what happened, as lower-case dotted words ({@code promotion.approved}, {@code
 *     retraining.failed}), for filtering and for webhook receivers to route on
 * @param title one line, at most 200 characters
 * @param body at most 4,000 characters; empty when the title says it all
 * @param link a portal route to follow, relative to the portal's root ({@code
 *     models/fraud/versions/2}): no scheme, no host, no leading {@code /}, no {@code ..} segment
 * @param readAt when the reader this notification was loaded for read it; read state belongs to
 *     each reader, so a notification being sent has none
 */
public record Notification(
    UUID id,
    Recipient recipient,
    String topic,
    String title,
    String body,
    Optional<String> link,
    Instant createdAt,
    Optional<Instant> readAt) {

  private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

  public Notification {
    Objects.requireNonNull(id, "id");
    if (recipient == null) {
      throw new DomainValidationException("recipient", "a notification needs a recipient");
    }
    topic = topic(topic);
    title = NotificationTexts.line("title", title, NotificationTexts.TITLE_MAX);
    body = NotificationTexts.optional("body", body, NotificationTexts.BODY_MAX);
    link = Objects.requireNonNullElse(link, Optional.<String>empty()).map(Notification::link);
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    readAt =
        Objects.requireNonNullElse(readAt, Optional.<Instant>empty())
            .map(at -> at.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * A new, unread notification with a fresh id.
   *
   * @param link a portal route, or null or blank for none
   */
  public static Notification create(
      Recipient recipient,
      String topic,
      String title,
      String body,
      String link,
      Instant createdAt) {
    return new Notification(
        UUID.randomUUID(),
        recipient,
        topic,
        title,
        body,
        link == null || link.isBlank() ? Optional.empty() : Optional.of(link),
        createdAt,
        Optional.empty());
  }

  public boolean isRead() {
    return readAt.isPresent();
  }

  /** This notification as read by its reader at {@code at}. */
  public Notification markedRead(Instant at) {
    Objects.requireNonNull(at, "at");
    return new Notification(id, recipient, topic, title, body, link, createdAt, Optional.of(at));
  }

  /** This notification without any reader's read state, as it was sent. */
  public Notification unread() {
    return readAt.isEmpty()
        ? this
        : new Notification(id, recipient, topic, title, body, link, createdAt, Optional.empty());
  }

  /** Whether the reader may see this notification (it is theirs or one of their groups'). */
  public boolean isVisibleTo(InboxOwner reader) {
    return reader.sees(recipient);
  }

  private static String topic(String value) {
    String text = NotificationTexts.required("topic", value, NotificationTexts.TOPIC_MAX);
    if (!TOPIC.matcher(text).matches()) {
      throw new DomainValidationException(
          "topic",
          "topic '" + shown(text) + "' is not lower-case dotted words such as promotion.approved");
    }
    return text;
  }

  /** A portal route path: relative, without scheme, host, dot segments, spaces or backslashes. */
  private static String link(String value) {
    String text = NotificationTexts.required("link", value, NotificationTexts.LINK_MAX);
    if (text.startsWith("/")
        || text.indexOf('\\') >= 0
        || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw invalidLink(text);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalidLink(text);
    }
    if (uri.getScheme() != null
        || uri.getRawAuthority() != null
        || uri.getPath() == null
        || uri.getPath().isEmpty()) {
      throw invalidLink(text);
    }
    // Decoded, so %2e%2e counts as .. too.
    for (String segment : uri.getPath().split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        throw invalidLink(text);
      }
    }
    return text;
  }

  private static DomainValidationException invalidLink(String text) {
    return new DomainValidationException(
        "link",
        "link '"
            + shown(text)
            + "' is not a portal route: use a relative path such as models/fraud/versions/2,"
            + " without scheme, host, leading '/' or '..'");
  }

  private static String shown(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
