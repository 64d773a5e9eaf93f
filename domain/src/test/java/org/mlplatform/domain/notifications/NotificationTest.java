package org.mlplatform.domain.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.domain.DomainValidationException;

class NotificationTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  private static Notification withLink(String link) {
    return Notification.create(
        Recipient.user("alice"), "promotion.approved", "Approved", "", link, NOW);
  }

  private static Notification withTitle(String title) {
    return Notification.create(Recipient.user("alice"), "promotion.approved", title, "", null, NOW);
  }

  @Test
  void createMakesAnUnreadNotificationWithAFreshId() {
    Notification a =
        Notification.create(
            Recipient.group("reviewer"),
            "promotion.requested",
            "fraud v2 waits for review",
            "alice asks to make fraud v2 champion.",
            "models/fraud/versions/2",
            NOW);
    Notification b = withLink(null);

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.isRead()).isFalse();
    assertThat(a.readAt()).isEmpty();
    assertThat(a.link()).contains("models/fraud/versions/2");
    assertThat(b.link()).isEmpty();
    assertThat(withLink("  ").link()).isEmpty();
    assertThat(a.recipient().kind()).isEqualTo(Recipient.Kind.GROUP);
  }

  @Test
  void timesAreKeptToTheMicrosecond() {
    Notification n =
        Notification.create(
            Recipient.user("alice"),
            "a.b",
            "t",
            null,
            null,
            Instant.parse("2026-03-01T12:00:00.123456789Z"));

    assertThat(n.createdAt()).isEqualTo(NOW);
    assertThat(n.body()).isEmpty();
    assertThat(n.markedRead(Instant.parse("2026-03-02T00:00:00.000000999Z")).readAt())
        .contains(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void readAtAndUnreadChangeOnlyTheReadState() {
    Notification n = withLink("models/fraud");
    Notification read = n.markedRead(NOW.plusSeconds(5));

    assertThat(read.isRead()).isTrue();
    assertThat(read.id()).isEqualTo(n.id());
    assertThat(read.unread()).isEqualTo(n);
    assertThat(n.unread()).isSameAs(n);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "models/fraud/versions/2",
        "models",
        "tasks",
        "models/fraud?tab=versions",
        "training-sets/6f1c#stats",
        "models/a:b"
      })
  void acceptsPortalRoutes(String link) {
    assertThat(withLink(link).link()).contains(link);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/x",
        "javascript:alert(1)",
        "mailto:a@b",
        "//evil.example/x",
        "/models/fraud",
        "models/../audit",
        "..",
        "models/%2e%2e/audit",
        "./models",
        "models/fraud/..",
        "models\\fraud",
        "models/fr aud",
        "models/fraud\n",
        "?tab=1",
        "#x",
        "models/%zz"
      })
  void refusesLinksThatAreNotRelativePortalRoutes(String link) {
    assertThatThrownBy(() -> withLink(link))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("not a portal route")
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo("link");
  }

  @Test
  void refusesOverlongLinks() {
    assertThatThrownBy(() -> withLink("a/".repeat(500) + "b"))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("at most 1000");
  }

  @Test
  void titleIsOneLineOfAtMost200Characters() {
    assertThat(withTitle("t".repeat(200)).title()).hasSize(200);
    assertField(() -> withTitle("t".repeat(201)), "title", "201 characters long; at most 200");
    assertField(() -> withTitle(" "), "title", "must not be blank");
    assertField(() -> withTitle(null), "title", "must not be blank");
    assertField(() -> withTitle("two\nlines"), "title", "control characters");
  }

  @Test
  void bodyIsAtMost4000Characters() {
    String ok = "line one\nline two " + "b".repeat(3982);
    assertThat(ok).hasSize(4000);
    assertThat(Notification.create(Recipient.user("alice"), "a.b", "t", ok, null, NOW).body())
        .isEqualTo(ok);
    assertField(
        () -> Notification.create(Recipient.user("alice"), "a.b", "t", ok + "x", null, NOW),
        "body",
        "4001 characters long; at most 4000");
  }

  @Test
  void topicIsLowerCaseDottedWords() {
    for (String topic : List.of("promotion.approved", "retraining.failed", "drift", "a1.b_c.d-e")) {
      assertThat(Notification.create(Recipient.user("a"), topic, "t", "", null, NOW).topic())
          .isEqualTo(topic);
    }
    for (String topic : List.of("Promotion", "promotion.", ".x", "a..b", "1a", "a b", "ä")) {
      assertField(
          () -> Notification.create(Recipient.user("a"), topic, "t", "", null, NOW),
          "topic",
          "lower-case dotted words");
    }
    assertField(
        () -> Notification.create(Recipient.user("a"), null, "t", "", null, NOW),
        "topic",
        "must not be blank");
    assertField(
        () -> Notification.create(Recipient.user("a"), "a".repeat(101), "t", "", null, NOW),
        "topic",
        "at most 100");
  }

  @Test
  void recipientIsRequiredAndNamed() {
    assertField(
        () -> Notification.create(null, "a.b", "t", "", null, NOW),
        "recipient",
        "needs a recipient");
    assertField(() -> Recipient.user(" "), "recipient.name", "must not be blank");
    assertField(() -> Recipient.group("x".repeat(201)), "recipient.name", "at most 200");
    assertField(() -> new Recipient(null, "alice"), "recipient.kind", "user or group");
    assertThat(Recipient.group("reviewer")).hasToString("group:reviewer");
    assertThat(Recipient.user("alice").isUser()).isTrue();
  }

  @Test
  void aReaderSeesWhatIsAddressedToThemOrToTheirGroups() {
    InboxOwner bob = InboxOwner.of("bob", List.of("viewer", "reviewer"));

    assertThat(bob.sees(Recipient.user("bob"))).isTrue();
    assertThat(bob.sees(Recipient.group("reviewer"))).isTrue();
    assertThat(bob.sees(Recipient.user("alice"))).isFalse();
    assertThat(bob.sees(Recipient.group("admin"))).isFalse();
    // A user named like a group is not the group, and the other way round.
    assertThat(bob.sees(Recipient.user("reviewer"))).isFalse();
    assertThat(InboxOwner.of("reviewer", Set.of()).sees(Recipient.group("reviewer"))).isFalse();
    assertThat(withLink(null).isVisibleTo(InboxOwner.of("alice", null))).isTrue();
    assertField(() -> InboxOwner.of("", List.of()), "username", "must not be blank");
  }

  @Test
  void theIdAndCreationTimeAreRequired() {
    assertThatThrownBy(
            () ->
                new Notification(
                    null,
                    Recipient.user("a"),
                    "a.b",
                    "t",
                    "",
                    Optional.empty(),
                    NOW,
                    Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new Notification(
                    UUID.randomUUID(), Recipient.user("a"), "a.b", "t", "", null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static void assertField(Runnable action, String field, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo(field);
  }
}
