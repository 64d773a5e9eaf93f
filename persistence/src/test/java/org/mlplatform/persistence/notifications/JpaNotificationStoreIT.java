package org.mlplatform.persistence.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.notifications.InboxOwner;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.NotificationStore;
import org.mlplatform.domain.notifications.Recipient;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/**
 * Notifications and per-reader read marks through Hibernate and the Flyway schema, on H2 and
 * PostgreSQL.
 */
class JpaNotificationStoreIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private static final InboxOwner ALICE = InboxOwner.of("alice", List.of("data-scientist"));
  private static final InboxOwner BOB = InboxOwner.of("bob", List.of("viewer", "reviewer"));
  private static final InboxOwner DORA = InboxOwner.of("dora", List.of("reviewer", "admin"));
  private static final InboxOwner LONER = InboxOwner.of("reviewer", List.of());

  private static Notification note(Recipient to, int minute) {
    return Notification.create(
        to,
        "promotion.requested",
        "note " + minute,
        "body " + minute,
        "tasks",
        T0.plusSeconds(60L * minute));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyFieldSurvivesTheRoundTrip(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification full =
          new Notification(
              UUID.randomUUID(),
              Recipient.user("ålice ü"),
              "promotion.approved",
              "t".repeat(199) + "é",
              "line one\nline \"two\" " + "b".repeat(3980),
              Optional.of("models/fraud/versions/2?tab=card"),
              T0,
              Optional.empty());
      Notification bare = Notification.create(Recipient.group("reviewer"), "x", "t", "", null, T0);

      write(emf, s -> s.save(full));
      write(emf, s -> s.save(bare));

      assertThat(find(emf, full.id())).contains(full);
      assertThat(find(emf, bare.id())).contains(bare);
      assertThat(find(emf, UUID.randomUUID())).isEmpty();
      assertThat(inbox(emf, InboxOwner.of("ålice ü", List.of()), false, 5)).containsExactly(full);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theInboxHoldsTheReadersOwnAndTheirGroupsNotificationsNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification forAlice = note(Recipient.user("alice"), 1);
      Notification forReviewers = note(Recipient.group("reviewer"), 2);
      Notification forBob = note(Recipient.user("bob"), 3);
      Notification forAdmins = note(Recipient.group("admin"), 4);
      Notification forUserNamedReviewer = note(Recipient.user("reviewer"), 5);
      write(
          emf,
          s ->
              List.of(forAlice, forReviewers, forBob, forAdmins, forUserNamedReviewer)
                  .forEach(s::save));

      assertThat(inbox(emf, ALICE, false, 50)).containsExactly(forAlice);
      assertThat(inbox(emf, BOB, false, 50)).containsExactly(forBob, forReviewers);
      assertThat(inbox(emf, DORA, false, 50)).containsExactly(forAdmins, forReviewers);
      assertThat(inbox(emf, DORA, false, 1)).containsExactly(forAdmins);
      // A user and a group of the same name are different recipients.
      assertThat(inbox(emf, LONER, false, 50)).containsExactly(forUserNamedReviewer);
      assertThat(unread(emf, BOB)).isEqualTo(2);
      assertThat(unread(emf, LONER)).isEqualTo(1);
      assertThat(unread(emf, InboxOwner.of("nobody", List.of()))).isZero();
      assertThatThrownBy(() -> inbox(emf, BOB, false, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aGroupNotificationReadByOneReviewerStaysUnreadForTheOthers(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification forReviewers = note(Recipient.group("reviewer"), 1);
      write(emf, s -> s.save(forReviewers));
      Instant readAt = T0.plusSeconds(600);

      assertThat(mark(emf, forReviewers.id(), BOB, readAt)).isTrue();
      assertThat(mark(emf, forReviewers.id(), BOB, readAt.plusSeconds(60))).isFalse();

      assertThat(inbox(emf, BOB, false, 10))
          .singleElement()
          .satisfies(n -> assertThat(n.readAt()).contains(readAt));
      assertThat(inbox(emf, BOB, true, 10)).isEmpty();
      assertThat(unread(emf, BOB)).isZero();
      assertThat(find(emf, forReviewers.id(), BOB).orElseThrow().readAt()).contains(readAt);

      assertThat(inbox(emf, DORA, true, 10)).containsExactly(forReviewers);
      assertThat(unread(emf, DORA)).isEqualTo(1);
      assertThat(find(emf, forReviewers.id(), DORA)).contains(forReviewers);
      assertThat(find(emf, forReviewers.id())).contains(forReviewers);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void onlyAReaderWhoMaySeeANotificationCanMarkItRead(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification forAlice = note(Recipient.user("alice"), 1);
      write(emf, s -> s.save(forAlice));

      assertThat(mark(emf, forAlice.id(), BOB, T0)).isFalse();
      assertThat(mark(emf, UUID.randomUUID(), ALICE, T0)).isFalse();
      assertThat(find(emf, forAlice.id(), BOB)).isEmpty();
      assertThat(unread(emf, ALICE)).isEqualTo(1);

      assertThat(mark(emf, forAlice.id(), ALICE, T0)).isTrue();
      assertThat(unread(emf, ALICE)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void markAllReadMarksWhatTheReaderSeesAndHasNotRead(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification forReviewers = note(Recipient.group("reviewer"), 1);
      Notification forBob = note(Recipient.user("bob"), 2);
      Notification forBobToo = note(Recipient.user("bob"), 3);
      Notification forAlice = note(Recipient.user("alice"), 4);
      write(emf, s -> List.of(forReviewers, forBob, forBobToo, forAlice).forEach(s::save));
      write(emf, s -> s.markRead(forBob.id(), BOB, T0));

      assertThat(markAll(emf, BOB, T0.plusSeconds(1))).isEqualTo(2);
      assertThat(markAll(emf, BOB, T0.plusSeconds(2))).isZero();
      assertThat(markAll(emf, LONER, T0)).isZero();

      assertThat(unread(emf, BOB)).isZero();
      assertThat(find(emf, forBob.id(), BOB).orElseThrow().readAt()).contains(T0);
      assertThat(find(emf, forBobToo.id(), BOB).orElseThrow().readAt()).contains(T0.plusSeconds(1));
      assertThat(unread(emf, DORA)).isEqualTo(1);
      assertThat(unread(emf, ALICE)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void savedWithTheCallersTransactionAndOnlyOnce(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification kept = note(Recipient.user("alice"), 1);
      Notification rolledBack = note(Recipient.user("alice"), 2);

      write(emf, s -> s.save(kept));
      write(emf, s -> s.save(kept)); // again: nothing changes
      try (EntityManager em = emf.createEntityManager()) {
        em.getTransaction().begin();
        NotificationStore store = new JpaNotificationStore(em);
        store.save(rolledBack);
        store.markRead(kept.id(), ALICE, T0); // flushed, then rolled back with the save
        em.getTransaction().rollback();
      }

      assertThat(inbox(emf, ALICE, false, 10)).containsExactly(kept);
      assertThat(unread(emf, ALICE)).isEqualTo(1);
      assertThatThrownBy(() -> write(emf, s -> s.save(note(Recipient.user("a"), 3).markedRead(T0))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void readMarksGoWithTheirNotification(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = emf(db)) {
      Notification n = note(Recipient.group("reviewer"), 1);
      write(emf, s -> s.save(n));
      write(emf, s -> s.markAllRead(BOB, T0));
      write(emf, s -> s.markAllRead(DORA, T0));

      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM notification");
        try (var rows = s.executeQuery("SELECT COUNT(*) FROM notification_read")) {
          rows.next();
          assertThat(rows.getLong(1)).isZero();
        }
      }
    }
  }

  private static EntityManagerFactory emf(TestDatabase db) {
    return TestPersistence.entityManagerFactory(
        db, NotificationRecord.class, NotificationReadRecord.class);
  }

  private static void write(EntityManagerFactory emf, Consumer<NotificationStore> work) {
    TestPersistence.inTransaction(emf, em -> work.accept(new JpaNotificationStore(em)));
  }

  private static List<Notification> inbox(
      EntityManagerFactory emf, InboxOwner reader, boolean unreadOnly, int limit) {
    return call(emf, s -> s.inbox(reader, unreadOnly, limit));
  }

  private static long unread(EntityManagerFactory emf, InboxOwner reader) {
    return call(emf, s -> s.unreadCount(reader));
  }

  private static boolean mark(EntityManagerFactory emf, UUID id, InboxOwner reader, Instant at) {
    return call(emf, s -> s.markRead(id, reader, at));
  }

  private static int markAll(EntityManagerFactory emf, InboxOwner reader, Instant at) {
    return call(emf, s -> s.markAllRead(reader, at));
  }

  private static Optional<Notification> find(EntityManagerFactory emf, UUID id) {
    return call(emf, s -> s.find(id));
  }

  private static Optional<Notification> find(EntityManagerFactory emf, UUID id, InboxOwner reader) {
    return call(emf, s -> s.find(id, reader));
  }

  /** Runs one call in its own committed transaction and returns its answer. */
  private static <T> T call(EntityManagerFactory emf, Function<NotificationStore, T> work) {
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      try {
        T result = work.apply(new JpaNotificationStore(em));
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
      }
    }
  }
}
