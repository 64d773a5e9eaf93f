package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.Recipient;

class NotificationsResourceTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void anItemCarriesTheCallersReadState() {
    Notification n =
        Notification.create(
            Recipient.group("reviewer"),
            "promotion.requested",
            "fraud v2 waits for review",
            "alice asks",
            "models/fraud/versions/2",
            T0);

    NotificationsResource.Item unread = NotificationsResource.Item.of(n);
    NotificationsResource.Item read =
        NotificationsResource.Item.of(n.markedRead(T0.plusSeconds(9)));

    assertThat(unread)
        .isEqualTo(
            new NotificationsResource.Item(
                n.id().toString(),
                "promotion.requested",
                "group",
                "reviewer",
                "fraud v2 waits for review",
                "alice asks",
                "models/fraud/versions/2",
                T0,
                false,
                null));
    assertThat(read.read()).isTrue();
    assertThat(read.readAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void anItemWithoutLinkHasANullLink() {
    Notification n = Notification.create(Recipient.user("alice"), "a.b", "t", "", null, T0);

    assertThat(NotificationsResource.Item.of(n).link()).isNull();
    assertThat(NotificationsResource.Item.of(n).recipientKind()).isEqualTo("user");
  }
}
