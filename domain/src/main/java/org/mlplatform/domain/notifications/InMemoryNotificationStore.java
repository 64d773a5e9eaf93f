package org.mlplatform.domain.notifications;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Notifications in memory, for tests and benchmarks. Thread-safe: every method holds the monitor.
 */
public final class InMemoryNotificationStore implements NotificationStore {

  private static final Comparator<Notification> NEWEST_FIRST =
      Comparator.comparing(Notification::createdAt).thenComparing(Notification::id).reversed();

  private final Map<UUID, Notification> notifications = new LinkedHashMap<>();

  /** Per notification: who read it, and when. */
  private final Map<UUID, Map<String, Instant>> reads = new HashMap<>();

  @Override
  public synchronized void save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (notification.isRead()) {
      throw new IllegalArgumentException(
          "read state belongs to readers: save the notification unread and mark it read");
    }
    notifications.putIfAbsent(notification.id(), notification);
  }

  @Override
  public synchronized Optional<Notification> find(UUID id) {
    return Optional.ofNullable(notifications.get(id));
  }

  @Override
  public synchronized Optional<Notification> find(UUID id, InboxOwner reader) {
    Objects.requireNonNull(reader, "reader");
    return find(id).filter(n -> n.isVisibleTo(reader)).map(n -> asReadBy(n, reader));
  }

  @Override
  public synchronized List<Notification> inbox(InboxOwner reader, boolean unreadOnly, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
    return visible(reader)
        .map(n -> asReadBy(n, reader))
        .filter(n -> !unreadOnly || !n.isRead())
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long unreadCount(InboxOwner reader) {
    return visible(reader).filter(n -> readTime(n, reader) == null).count();
  }

  @Override
  public synchronized boolean markRead(UUID id, InboxOwner reader, Instant at) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(at, "at");
    Notification notification = notifications.get(id);
    if (notification == null || !notification.isVisibleTo(reader)) {
      return false;
    }
    return reads.computeIfAbsent(id, k -> new HashMap<>()).putIfAbsent(reader.username(), at)
        == null;
  }

  @Override
  public synchronized int markAllRead(InboxOwner reader, Instant at) {
    Objects.requireNonNull(at, "at");
    List<UUID> unread =
        visible(reader).filter(n -> readTime(n, reader) == null).map(Notification::id).toList();
    unread.forEach(id -> markRead(id, reader, at));
    return unread.size();
  }

  private Stream<Notification> visible(InboxOwner reader) {
    Objects.requireNonNull(reader, "reader");
    return notifications.values().stream().filter(n -> n.isVisibleTo(reader));
  }

  private Instant readTime(Notification notification, InboxOwner reader) {
    return reads.getOrDefault(notification.id(), Map.of()).get(reader.username());
  }

  private Notification asReadBy(Notification notification, InboxOwner reader) {
    Instant at = readTime(notification, reader);
    return at == null ? notification : notification.markedRead(at);
  }
}
