package org.mlplatform.domain.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where notifications and their readers' read marks are kept. Read state is per reader: marking a
 * group notification read affects only the reader who marked it. Implementations join the caller's
 * transaction when there is one.
 */
public interface NotificationStore {

  /**
   * Stores a new notification. Saving one whose id is already stored changes nothing, so a retried
   * send does not duplicate it.
   *
   * @throws IllegalArgumentException when the notification carries read state: that belongs to
   *     readers, see {@link #markRead}
   */
  void save(Notification notification);

  /** The notification as sent (no read state), whoever it is for. */
  Optional<Notification> find(UUID id);

  /** The notification with the reader's read state, if the reader may see it. */
  Optional<Notification> find(UUID id, InboxOwner reader);

  /**
   * What the reader may see (addressed to them or to one of their groups), newest first, each with
   * the reader's own read state. Notifications of the same instant come in a stable but unspecified
   * order.
   *
   * @param unreadOnly only those the reader has not read
   * @param limit the most to return, at least 1
   */
  List<Notification> inbox(InboxOwner reader, boolean unreadOnly, int limit);

  /** How many of the notifications the reader may see they have not read. */
  long unreadCount(InboxOwner reader);

  /**
   * Marks one notification read for this reader.
   *
   * @return whether anything changed: false when the notification does not exist, the reader may
   *     not see it, or they had read it already (the first read time is kept)
   */
  boolean markRead(UUID id, InboxOwner reader, Instant at);

  /** Marks everything the reader may see and has not read as read; says how many. */
  int markAllRead(InboxOwner reader, Instant at);
}
