package org.mlplatform.portal.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.notifications.InboxOwner;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.NotificationStore;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;

/**
 * A user's notifications: their own and their roles' (a role is a group), each with the user's own
 * read state. Marking read changes only the user's state and is audited when it changed anything.
 */
@ApplicationScoped
@Transactional
public class NotificationInbox {

  /** The most notifications one call returns. */
  public static final int MAX_LIMIT = 500;

  @Inject private NotificationStore store;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  /** The reader a platform user is: their user name and their role names as groups. */
  public static InboxOwner owner(PlatformUser user) {
    return InboxOwner.of(user.username(), user.roleNames());
  }

  /** Newest first; {@code limit} from 1 to {@value #MAX_LIMIT}. */
  public List<Notification> inbox(PlatformUser user, boolean unreadOnly, int limit) {
    return store.inbox(owner(user), unreadOnly, limit);
  }

  public long unreadCount(PlatformUser user) {
    return store.unreadCount(owner(user));
  }

  /** The notification with the user's read state, if the user may see it. */
  public Optional<Notification> find(UUID id, PlatformUser user) {
    return store.find(id, owner(user));
  }

  /**
   * Marks one notification read for the user.
   *
   * @return the notification as the user now sees it; empty when they may not see it (or it does
   *     not exist)
   */
  public Optional<Notification> markRead(UUID id, PlatformUser user, Origin origin) {
    InboxOwner reader = owner(user);
    if (store.markRead(id, reader, Instant.now(clock))) {
      Notification read = store.find(id, reader).orElseThrow();
      audit.record(
          user, "notification.read", "notification:" + id, read.title(), Outcome.SUCCESS, origin);
      return Optional.of(read);
    }
    return store.find(id, reader);
  }

  /** Marks everything the user sees read; says how many were unread. */
  public int markAllRead(PlatformUser user, Origin origin) {
    int marked = store.markAllRead(owner(user), Instant.now(clock));
    if (marked > 0) {
      audit.record(
          user,
          "notification.read-all",
          "notifications:" + user.username(),
          marked + (marked == 1 ? " notification" : " notifications") + " marked read",
          Outcome.SUCCESS,
          origin);
    }
    return marked;
  }
}
