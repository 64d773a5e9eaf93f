package org.mlplatform.portal.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.Outcome;

/** The audit page without a running UI: set the filters, page, verify, download. */
class AuditViewTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final InMemoryAuditLog log = new InMemoryAuditLog();

  /** 120 records an hour apart: alice's model updates, then bob's denied logins every third. */
  private AuditView viewOf120() {
    for (int i = 0; i < 120; i++) {
      boolean bob = i % 3 == 0;
      log.append(
          new AuditEntry(
              T0.plusSeconds(3600L * i),
              bob ? "bob" : "alice",
              List.of("admin"),
              bob ? "portal.login" : "model.update",
              bob ? null : "model:fraud",
              bob ? "=cmd" : "tags [" + i + "]",
              bob ? Outcome.DENIED : Outcome.SUCCESS,
              "req-" + i,
              "10.0.0.1"));
    }
    return new AuditView(log);
  }

  @Test
  void showsTheNewestPageFirstAndPagesThroughTheRest() {
    AuditView view = viewOf120();

    assertThat(view.shown()).hasSize(AuditView.PAGE_SIZE);
    assertThat(view.grid.getGenericDataView().getItems().findFirst().map(AuditRecord::seq))
        .contains(120L);
    assertThat(view.status.getText()).isEqualTo("Records 1–50 of 120, newest first.");
    assertThat(view.pageLabel.getText()).isEqualTo("Page 1 of 3");
    assertThat(view.newer.isEnabled()).isFalse();

    view.older.click();
    view.older.click();

    assertThat(view.shown()).hasSize(20);
    assertThat(view.status.getText()).isEqualTo("Records 101–120 of 120, newest first.");
    assertThat(view.older.isEnabled()).isFalse();
    assertThat(view.newer.isEnabled()).isTrue();
  }

  @Test
  void filtersNarrowTheRecordsAndStartAgainAtTheFirstPage() {
    AuditView view = viewOf120();
    view.older.click();

    view.actor.setValue("bob");

    assertThat(view.shown()).hasSize(40).allMatch(e -> e.actor().equals("bob"));
    assertThat(view.status.getText()).isEqualTo("Records 1–40 of 40 matching, newest first.");

    view.outcome.setValue(Outcome.SUCCESS);
    assertThat(view.shown()).isEmpty();
    assertThat(view.status.getText()).isEqualTo("No records match these filters.");

    view.actor.clear();
    view.action.setValue("model.");
    view.from.setValue(LocalDateTime.of(2026, 3, 1, 10, 0));
    view.to.setValue(LocalDateTime.of(2026, 3, 1, 20, 0));

    // Hours 10 to 19, less bob's (12, 15, 18).
    assertThat(view.shown())
        .extracting(e -> e.occurredAt().toString())
        .containsExactly(
            "2026-03-01T19:00:00Z",
            "2026-03-01T17:00:00Z",
            "2026-03-01T16:00:00Z",
            "2026-03-01T14:00:00Z",
            "2026-03-01T13:00:00Z",
            "2026-03-01T11:00:00Z",
            "2026-03-01T10:00:00Z");
  }

  @Test
  void aTimeRangeBackwardsIsMarkedAndChangesNothing() {
    AuditView view = viewOf120();
    view.from.setValue(LocalDateTime.of(2026, 3, 2, 0, 0));

    view.to.setValue(LocalDateTime.of(2026, 3, 1, 0, 0));

    assertThat(view.to.isInvalid()).isTrue();
    assertThat(view.status.getText()).startsWith("Fix the time range");

    view.to.clear();
    assertThat(view.to.isInvalid()).isFalse();
    assertThat(view.shown()).isNotEmpty();
  }

  @Test
  void verifyingShowsAnIntactChainOrWhereItBreaks() {
    AuditView view = viewOf120();
    assertThat(view.verification.isVisible()).isFalse();

    view.verify.click();

    assertThat(view.verification.isVisible()).isTrue();
    assertThat(view.verification.getText()).startsWith("Chain intact: 120 records checked");

    AuditRecord seven = log.records.get(6);
    AuditEntry e = seven.entry();
    log.records.set(
        6,
        new AuditRecord(
            7,
            seven.id(),
            new AuditEntry(
                e.occurredAt(),
                e.actor(),
                e.actorRoles(),
                e.action(),
                e.target(),
                "quietly changed",
                e.outcome(),
                e.requestId(),
                e.clientAddress()),
            seven.prevHash(),
            seven.hash()));
    view.verify.click();

    assertThat(view.verification.getText())
        .startsWith("Chain broken at record 7 (row 1007), edited: record 7's contents");
  }

  @Test
  void theDownloadHasEveryFilteredRecordWithFormulasDefused() throws Exception {
    AuditView view = viewOf120();
    view.actor.setValue("bob");
    StringWriter csv = new StringWriter();

    view.writeCsv(csv);

    List<String> lines = csv.toString().lines().toList();
    assertThat(lines).hasSize(41);
    assertThat(lines.getFirst()).startsWith("seq,time,actor,");
    assertThat(lines.get(1))
        .startsWith("118,2026-03-05T21:00:00Z,bob,admin,portal.login,,'=cmd,DENIED");
  }
}
