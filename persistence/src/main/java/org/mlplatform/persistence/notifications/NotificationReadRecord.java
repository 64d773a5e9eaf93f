package org.mlplatform.persistence.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Row of {@code notification_read}: one reader has read one notification. Written by native SQL
 * (see {@link JpaNotificationStore}); mapped for the inbox's queries.
 */
@Entity
@Immutable
@Table(name = "notification_read")
@IdClass(NotificationReadRecord.Key.class)
class NotificationReadRecord {

  /** The composite identity: notification and reader. */
  record Key(UUID notificationId, String username) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "notification_id")
  private UUID notificationId;

  @Id private String username;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  protected NotificationReadRecord() {}

  Instant readAt() {
    return readAt;
  }
}
