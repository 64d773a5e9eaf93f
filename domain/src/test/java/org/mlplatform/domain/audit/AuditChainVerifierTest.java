package org.mlplatform.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.AuditVerification.Intact;
import org.mlplatform.domain.audit.AuditVerification.Reason;

class AuditChainVerifierTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** A chain of {@code n} records as the log writes it, ids 101, 102, ... */
  static List<AuditRecord> chain(int n) {
    List<AuditRecord> records = new ArrayList<>();
    String prev = AuditHash.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      AuditEntry entry = entry(seq, "summary " + seq);
      String hash = AuditHash.of(seq, entry, prev);
      records.add(new AuditRecord(seq, 100 + seq, entry, prev, hash));
      prev = hash;
    }
    return records;
  }

  static AuditEntry entry(int seq, String summary) {
    return new AuditEntry(
        T0.plusSeconds(seq),
        seq % 2 == 0 ? "alice" : "bob",
        List.of("admin"),
        "model.update",
        "model:m" + seq,
        summary,
        Outcome.SUCCESS,
        "req-" + seq,
        "127.0.0.1");
  }

  static AuditChainHead headOf(List<AuditRecord> records) {
    return records.isEmpty()
        ? AuditChainHead.EMPTY
        : new AuditChainHead(records.size(), records.getLast().hash());
  }

  @Test
  void anUntouchedChainIsIntactWithItsCountAndLastHash() {
    List<AuditRecord> records = chain(50);

    AuditVerification result = AuditChainVerifier.verify(headOf(records), records);

    assertThat(result).isEqualTo(new Intact(50, records.getLast().hash()));
    assertThat(result.intact()).isTrue();
  }

  @Test
  void anEmptyLogIsIntact() {
    assertThat(AuditChainVerifier.verify(AuditChainHead.EMPTY, List.of()))
        .isEqualTo(new Intact(0, AuditHash.GENESIS));
  }

  @Test
  void anEditedFieldNamesThatRecord() {
    List<AuditRecord> records = chain(10);
    AuditRecord seven = records.get(6);
    records.set(6, replaceEntry(seven, entry(7, "nothing happened")));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(records), records);

    assertThat(broken.seq()).isEqualTo(7);
    assertThat(broken.id()).isEqualTo(OptionalLong.of(107));
    assertThat(broken.reason()).isEqualTo(Reason.EDITED);
    assertThat(broken.intactBefore()).isEqualTo(6);
    assertThat(broken.detail()).contains("record 7");
  }

  @Test
  void aMissingHashIsAnEdit() {
    List<AuditRecord> records = chain(3);
    AuditRecord two = records.get(1);
    records.set(1, new AuditRecord(2, two.id(), two.entry(), two.prevHash(), null));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(records), records);

    assertThat(broken.reason()).isEqualTo(Reason.EDITED);
    assertThat(broken.seq()).isEqualTo(2);
    assertThat(broken.detail()).contains("no hash");
  }

  @Test
  void aDeletedRecordIsAGapNamedAtTheRecordAfterIt() {
    List<AuditRecord> records = chain(10);
    AuditChainHead head = headOf(records);
    records.remove(3); // seq 4
    records.remove(3); // seq 5

    Broken broken = (Broken) AuditChainVerifier.verify(head, records);

    assertThat(broken.reason()).isEqualTo(Reason.DELETED);
    assertThat(broken.seq()).isEqualTo(6);
    assertThat(broken.id()).isEqualTo(OptionalLong.of(106));
    assertThat(broken.detail()).contains("records 4 to 5 are missing");
    assertThat(broken.intactBefore()).isEqualTo(3);
  }

  @Test
  void deletedNewestRecordsAreFoundAgainstTheHead() {
    List<AuditRecord> records = chain(10);
    AuditChainHead head = headOf(records);

    Broken broken = (Broken) AuditChainVerifier.verify(head, records.subList(0, 8));

    assertThat(broken.reason()).isEqualTo(Reason.DELETED);
    assertThat(broken.seq()).isEqualTo(9);
    assertThat(broken.id()).isEmpty();
    assertThat(broken.detail()).contains("records 9 to 10, the newest, are missing");
  }

  @Test
  void aDeletedFirstRecordIsAGapToo() {
    List<AuditRecord> records = chain(3);
    AuditChainHead head = headOf(records);

    Broken broken = (Broken) AuditChainVerifier.verify(head, records.subList(1, 3));

    assertThat(broken.reason()).isEqualTo(Reason.DELETED);
    assertThat(broken.seq()).isEqualTo(2);
    assertThat(broken.detail()).contains("record 1 is missing");
  }

  @Test
  void aRecordRehashedInPlaceBreaksTheLinkOfTheNextOne() {
    List<AuditRecord> records = chain(6);
    AuditRecord three = records.get(2);
    AuditEntry forged = entry(3, "forged");
    records.set(
        2,
        new AuditRecord(
            3, three.id(), forged, three.prevHash(), AuditHash.of(3, forged, three.prevHash())));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(chain(6)), records);

    assertThat(broken.reason()).isEqualTo(Reason.INSERTED_OR_REORDERED);
    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.detail()).contains("does not link to record 3");
  }

  @Test
  void swappedRecordsAreReordered() {
    List<AuditRecord> records = chain(5);
    AuditRecord two = records.get(1);
    AuditRecord three = records.get(2);
    // Swap the contents of places 2 and 3, each rehashed for its new place.
    records.set(1, rehashed(2, two.id(), three.entry(), two.prevHash()));
    records.set(2, rehashed(3, three.id(), two.entry(), records.get(1).hash()));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(chain(5)), records);

    assertThat(broken.reason()).isEqualTo(Reason.INSERTED_OR_REORDERED);
    assertThat(broken.seq()).isEqualTo(4);
  }

  @Test
  void aChainRewrittenToTheEndDisagreesWithTheHead() {
    List<AuditRecord> original = chain(4);
    List<AuditRecord> rewritten = new ArrayList<>(original.subList(0, 3));
    rewritten.add(rehashed(4, 104, entry(4, "rewritten"), original.get(2).hash()));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(original), rewritten);

    assertThat(broken.reason()).isEqualTo(Reason.EDITED);
    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.id()).isEqualTo(OptionalLong.of(104));
  }

  @Test
  void aRecordPastTheHeadWasInsertedBehindTheLogsBack() {
    List<AuditRecord> records = chain(3);
    AuditChainHead head = new AuditChainHead(2, records.get(1).hash());

    Broken broken = (Broken) AuditChainVerifier.verify(head, records);

    assertThat(broken.reason()).isEqualTo(Reason.INSERTED_OR_REORDERED);
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.detail()).contains("past the end of the chain");
  }

  @Test
  void aRecordOutOfOrderIsReordered() {
    List<AuditRecord> records = chain(3);
    List<AuditRecord> shuffled = List.of(records.get(0), records.get(2), records.get(1));

    Broken broken = (Broken) AuditChainVerifier.verify(headOf(records), shuffled);

    // Place 2 is skipped first: that is what the reader sees when the record there is gone.
    assertThat(broken.reason()).isEqualTo(Reason.DELETED);
    assertThat(broken.seq()).isEqualTo(3);

    AuditRecord zero = rehashed(0, 99, entry(0, "before the start"), AuditHash.GENESIS);
    Broken early =
        (Broken)
            AuditChainVerifier.verify(
                headOf(records), List.of(zero, records.get(0), records.get(1), records.get(2)));
    assertThat(early.reason()).isEqualTo(Reason.INSERTED_OR_REORDERED);
    assertThat(early.seq()).isZero();
  }

  @Test
  void aRowThatCannotBeReadIsAnEditUnlessItsPlaceIsWrong() {
    List<AuditRecord> records = chain(4);
    AuditChainVerifier verifier = new AuditChainVerifier(headOf(records));

    assertThat(verifier.check(records.get(0))).isEmpty();
    Broken broken = verifier.checkUnreadable(2, 102, "no outcome").orElseThrow();

    assertThat(broken.reason()).isEqualTo(Reason.EDITED);
    assertThat(broken.seq()).isEqualTo(2);
    assertThat(broken.detail()).contains("no outcome");

    AuditChainVerifier gap = new AuditChainVerifier(headOf(records));
    assertThat(gap.checkUnreadable(3, 103, "no outcome").orElseThrow().reason())
        .isEqualTo(Reason.DELETED);
  }

  @Test
  void theFirstBreakStaysTheAnswer() {
    List<AuditRecord> records = chain(5);
    AuditChainVerifier verifier = new AuditChainVerifier(headOf(records));
    records.set(1, replaceEntry(records.get(1), entry(2, "edited")));

    assertThat(verifier.check(records.get(0))).isEmpty();
    Broken first = verifier.check(records.get(1)).orElseThrow();
    assertThat(verifier.check(records.get(2))).contains(first);
    assertThat(verifier.finish()).isEqualTo(first);
  }

  private static AuditRecord replaceEntry(AuditRecord record, AuditEntry entry) {
    return new AuditRecord(record.seq(), record.id(), entry, record.prevHash(), record.hash());
  }

  private static AuditRecord rehashed(long seq, long id, AuditEntry entry, String prev) {
    return new AuditRecord(seq, id, entry, prev, AuditHash.of(seq, entry, prev));
  }
}
