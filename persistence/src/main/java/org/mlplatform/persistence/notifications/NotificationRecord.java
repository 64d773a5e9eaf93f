package org.mlplatform.persistence.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.Recipient;

/** Row of {@code notification}: what was sent to whom; never updated. */
@Entity
@Immutable
@Table(name = "notification")
class NotificationRecord {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false)
  private Recipient.Kind recipientKind;

  @Column(name = "recipient_name", nullable = false)
  private String recipientName;

  @Column(nullable = false)
  private String topic;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String body;

  private String link;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected NotificationRecord() {}

  static NotificationRecord from(Notification notification) {
    NotificationRecord r = new NotificationRecord();
    r.id = notification.id();
    r.recipientKind = notification.recipient().kind();
    r.recipientName = notification.recipient().name();
    r.topic = notification.topic();
    r.title = notification.title();
    r.body = notification.body();
    r.link = notification.link().orElse(null);
    r.createdAt = notification.createdAt();
    return r;
  }

  /** The notification as sent, with the given reader's read time (null: unread). */
  Notification toNotification(Instant readAt) {
    return new Notification(
        id,
        new Recipient(recipientKind, recipientName),
        topic,
        title,
        body,
        Optional.ofNullable(link),
        createdAt,
        Optional.ofNullable(readAt));
  }
}
