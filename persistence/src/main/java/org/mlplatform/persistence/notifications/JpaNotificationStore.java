package org.mlplatform.persistence.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.mlplatform.domain.notifications.InboxOwner;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.NotificationStore;
import org.mlplatform.domain.notifications.Recipient;

/**
 * Notifications on JPA. Every call joins the caller's transaction or starts one, so a notification
 * saved by a workflow step commits or rolls back with that step's work.
 *
 * <p>Read marks are inserted by one native statement that checks visibility and skips marks that
 * exist: {@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL, which is safe against a
 * concurrent mark by the same reader; a {@code MERGE ... WHEN NOT MATCHED} on H2, where two
 * overlapping marks of the same notification by the same reader may fail one of them (H2 is for
 * single-node development). The first read time is kept.
 */
@ApplicationScoped
@Transactional
public class JpaNotificationStore implements NotificationStore {

  private static final String READ_COLUMNS = "(notification_id, username, read_at)";
  private static final String USER = "CAST(:user AS VARCHAR(200))";
  private static final String AT = "CAST(:at AS TIMESTAMP WITH TIME ZONE)";
  private static final String NOT_READ =
      "NOT EXISTS (SELECT 1 FROM notification_read r"
          + " WHERE r.notification_id = n.id AND r.username = "
          + USER
          + ")";

  private EntityManager em;
  private volatile Boolean postgres;

  /** For CDI's proxy. */
  protected JpaNotificationStore() {}

  @Inject
  public JpaNotificationStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public void save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (notification.isRead()) {
      throw new IllegalArgumentException(
          "read state belongs to readers: save the notification unread and mark it read");
    }
    if (em.find(NotificationRecord.class, notification.id()) == null) {
      em.persist(NotificationRecord.from(notification));
    }
  }

  @Override
  public Optional<Notification> find(UUID id) {
    return Optional.ofNullable(em.find(NotificationRecord.class, id))
        .map(r -> r.toNotification(null));
  }

  @Override
  public Optional<Notification> find(UUID id, InboxOwner reader) {
    Objects.requireNonNull(reader, "reader");
    return find(id)
        .filter(n -> n.isVisibleTo(reader))
        .map(
            n -> {
              NotificationReadRecord read =
                  em.find(
                      NotificationReadRecord.class,
                      new NotificationReadRecord.Key(id, reader.username()));
              return read == null ? n : n.markedRead(read.readAt());
            });
  }

  @Override
  public List<Notification> inbox(InboxOwner reader, boolean unreadOnly, int limit) {
    Objects.requireNonNull(reader, "reader");
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
    TypedQuery<Object[]> query =
        em.createQuery(
            "select n, r.readAt from NotificationRecord n"
                + " left join NotificationReadRecord r"
                + " on r.notificationId = n.id and r.username = :user"
                + " where "
                + visibleJpql(reader)
                + (unreadOnly ? " and r.username is null" : "")
                + " order by n.createdAt desc, n.id desc",
            Object[].class);
    bindVisible(query, reader, true);
    return query.setMaxResults(limit).getResultList().stream()
        .map(row -> ((NotificationRecord) row[0]).toNotification((Instant) row[1]))
        .toList();
  }

  @Override
  public long unreadCount(InboxOwner reader) {
    Objects.requireNonNull(reader, "reader");
    TypedQuery<Long> query =
        em.createQuery(
            "select count(n) from NotificationRecord n where "
                + visibleJpql(reader)
                + " and not exists (select r.username from NotificationReadRecord r"
                + " where r.notificationId = n.id and r.username = :user)",
            Long.class);
    bindVisible(query, reader, true);
    return query.getSingleResult();
  }

  @Override
  public boolean markRead(UUID id, InboxOwner reader, Instant at) {
    Objects.requireNonNull(id, "id");
    return mark(reader, at, id) > 0;
  }

  @Override
  public int markAllRead(InboxOwner reader, Instant at) {
    return mark(reader, at, null);
  }

  /** Marks the one notification {@code id}, or all the reader sees when it is null. */
  private int mark(InboxOwner reader, Instant at, UUID id) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(at, "at");
    String unread =
        "SELECT n.id FROM notification n WHERE "
            + (id == null ? "" : "n.id = :id AND ")
            + visibleSql(reader)
            + " AND "
            + NOT_READ;
    String sql =
        isPostgres()
            ? "INSERT INTO notification_read "
                + READ_COLUMNS
                + " SELECT u.id, "
                + USER
                + ", "
                + AT
                + " FROM ("
                + unread
                + ") u ON CONFLICT (notification_id, username) DO NOTHING"
            : "MERGE INTO notification_read t USING ("
                + unread
                + ") u ON (t.notification_id = u.id AND t.username = "
                + USER
                + ") WHEN NOT MATCHED THEN INSERT "
                + READ_COLUMNS
                + " VALUES (u.id, "
                + USER
                + ", "
                + AT
                + ")";
    Query statement = em.createNativeQuery(sql);
    if (id != null) {
      statement.setParameter("id", id);
    }
    bindVisible(statement, reader, false);
    // As OffsetDateTime in UTC: bound as TIMESTAMP WITH TIME ZONE by both drivers.
    statement.setParameter("at", at.atOffset(ZoneOffset.UTC));
    return statement.executeUpdate();
  }

  private static String visibleJpql(InboxOwner reader) {
    return "((n.recipientKind = :userKind and n.recipientName = :user)"
        + (reader.groups().isEmpty()
            ? ""
            : " or (n.recipientKind = :groupKind and n.recipientName in :groups)")
        + ")";
  }

  private static String visibleSql(InboxOwner reader) {
    return "((n.recipient_kind = 'USER' AND n.recipient_name = "
        + USER
        + ")"
        + (reader.groups().isEmpty()
            ? ""
            : " OR (n.recipient_kind = 'GROUP' AND n.recipient_name IN (:groups))")
        + ")";
  }

  /** Binds the reader; JPQL compares the kind as an enum, native SQL has it as a literal. */
  private static void bindVisible(Query query, InboxOwner reader, boolean jpql) {
    query.setParameter("user", reader.username());
    if (jpql) {
      query.setParameter("userKind", Recipient.Kind.USER);
    }
    if (!reader.groups().isEmpty()) {
      if (jpql) {
        query.setParameter("groupKind", Recipient.Kind.GROUP);
      }
      query.setParameter("groups", List.copyOf(reader.groups()));
    }
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      String product =
          em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
      known = "PostgreSQL".equals(product);
      postgres = known;
    }
    return known;
  }
}
