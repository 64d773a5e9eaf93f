package org.mlplatform.domain.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryNotificationStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static final InboxOwner ALICE = InboxOwner.of("alice", List.of("data-scientist"));
  private static final InboxOwner BOB = InboxOwner.of("bob", List.of("reviewer"));
  private static final InboxOwner DORA = InboxOwner.of("dora", List.of("reviewer", "admin"));
  private static final InboxOwner NOBODY = InboxOwner.of("victor", List.of());

  private final NotificationStore store = new InMemoryNotificationStore();

  private static Notification note(Recipient to, int minute) {
    return Notification.create(
        to, "promotion.requested", "note " + minute, "", "tasks", T0.plusSeconds(60L * minute));
  }

  @Test
  void theInboxHoldsTheReadersOwnAndTheirGroupsNotificationsNewestFirst() {
    Notification forAlice = note(Recipient.user("alice"), 1);
    Notification forReviewers = note(Recipient.group("reviewer"), 2);
    Notification forBob = note(Recipient.user("bob"), 3);
    Notification forAdmins = note(Recipient.group("admin"), 4);
    List.of(forAlice, forReviewers, forBob, forAdmins).forEach(store::save);

    assertThat(store.inbox(ALICE, false, 50)).containsExactly(forAlice);
    assertThat(store.inbox(BOB, false, 50)).containsExactly(forBob, forReviewers);
    assertThat(store.inbox(DORA, false, 50)).containsExactly(forAdmins, forReviewers);
    assertThat(store.inbox(DORA, false, 1)).containsExactly(forAdmins);
    assertThat(store.inbox(NOBODY, false, 50)).isEmpty();
    assertThat(store.unreadCount(BOB)).isEqualTo(2);
    assertThatThrownBy(() -> store.inbox(BOB, false, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aGroupNotificationReadByOneReviewerStaysUnreadForTheOthers() {
    Notification forReviewers = note(Recipient.group("reviewer"), 1);
    store.save(forReviewers);

    assertThat(store.markRead(forReviewers.id(), BOB, T0.plusSeconds(600))).isTrue();
    assertThat(store.markRead(forReviewers.id(), BOB, T0.plusSeconds(900))).isFalse();

    assertThat(store.inbox(BOB, false, 10))
        .singleElement()
        .satisfies(n -> assertThat(n.readAt()).contains(T0.plusSeconds(600)));
    assertThat(store.inbox(BOB, true, 10)).isEmpty();
    assertThat(store.unreadCount(BOB)).isZero();
    assertThat(store.inbox(DORA, true, 10)).containsExactly(forReviewers);
    assertThat(store.unreadCount(DORA)).isEqualTo(1);
    assertThat(store.find(forReviewers.id())).contains(forReviewers);
    assertThat(store.find(forReviewers.id(), BOB).orElseThrow().isRead()).isTrue();
    assertThat(store.find(forReviewers.id(), DORA)).contains(forReviewers);
  }

  @Test
  void onlyAReaderWhoMaySeeANotificationCanMarkItRead() {
    Notification forAlice = note(Recipient.user("alice"), 1);
    store.save(forAlice);

    assertThat(store.markRead(forAlice.id(), BOB, T0)).isFalse();
    assertThat(store.markRead(UUID.randomUUID(), ALICE, T0)).isFalse();
    assertThat(store.find(forAlice.id(), BOB)).isEmpty();
    assertThat(store.unreadCount(ALICE)).isEqualTo(1);

    assertThat(store.markRead(forAlice.id(), ALICE, T0)).isTrue();
    assertThat(store.unreadCount(ALICE)).isZero();
  }

  @Test
  void markAllReadMarksWhatTheReaderSeesAndHasNotRead() {
    Notification forReviewers = note(Recipient.group("reviewer"), 1);
    Notification forBob = note(Recipient.user("bob"), 2);
    Notification forBobToo = note(Recipient.user("bob"), 3);
    Notification forAlice = note(Recipient.user("alice"), 4);
    List.of(forReviewers, forBob, forBobToo, forAlice).forEach(store::save);
    store.markRead(forBob.id(), BOB, T0);

    assertThat(store.markAllRead(BOB, T0.plusSeconds(1))).isEqualTo(2);
    assertThat(store.markAllRead(BOB, T0.plusSeconds(2))).isZero();

    assertThat(store.unreadCount(BOB)).isZero();
    assertThat(store.find(forBob.id(), BOB).orElseThrow().readAt()).contains(T0);
    assertThat(store.unreadCount(DORA)).isEqualTo(1);
    assertThat(store.unreadCount(ALICE)).isEqualTo(1);
  }

  @Test
  void savingTheSameNotificationAgainChangesNothingAndReadStateIsNotSaved() {
    Notification n = note(Recipient.user("alice"), 1);
    store.save(n);
    store.save(n);

    assertThat(store.inbox(ALICE, false, 10)).containsExactly(n);
    assertThatThrownBy(() -> store.save(note(Recipient.user("alice"), 2).markedRead(T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("read state belongs to readers");
  }
}
