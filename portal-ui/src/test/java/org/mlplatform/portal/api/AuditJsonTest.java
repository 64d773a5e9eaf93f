package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditHash;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification.Broken;
import org.mlplatform.domain.audit.AuditVerification.Intact;
import org.mlplatform.domain.audit.AuditVerification.Reason;
import org.mlplatform.domain.audit.Outcome;

class AuditJsonTest {

  @Test
  void anIntactChainSaysSoWithItsCount() {
    assertThat(AuditJson.verification(new Intact(42, "ab".repeat(32))))
        .containsExactly(
            Map.entry("intact", true),
            Map.entry("records", 42L),
            Map.entry("lastHash", "ab".repeat(32)));
  }

  @Test
  void aBrokenChainNamesTheFirstBrokenRecord() {
    Map<String, Object> json =
        AuditJson.verification(
            new Broken(7, OptionalLong.of(19), Reason.EDITED, "record 7 was changed", 6));

    assertThat(json)
        .containsExactly(
            Map.entry("intact", false),
            Map.entry(
                "firstBroken",
                Map.of("seq", 7L, "id", 19L, "reason", "EDITED", "detail", "record 7 was changed")),
            Map.entry("intactBefore", 6L));
  }

  @Test
  void deletedNewestRecordsHaveNoRowToName() {
    Map<String, Object> json =
        AuditJson.verification(
            new Broken(9, OptionalLong.empty(), Reason.DELETED, "records 9 to 10 are missing", 8));

    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) json.get("firstBroken");
    assertThat(first).doesNotContainKey("id").containsEntry("reason", "DELETED");
  }

  @Test
  void aRecordKeepsTheFieldsItHadBeforeTheChain() {
    AuditEntry entry =
        new AuditEntry(
            Instant.parse("2026-01-01T00:00:00Z"),
            "carol",
            List.of("admin"),
            "login",
            null,
            null,
            Outcome.SUCCESS,
            "r",
            "::1");
    String hash = AuditHash.of(1, entry, AuditHash.GENESIS);

    AuditJson json = AuditJson.of(new AuditRecord(1, 5, entry, AuditHash.GENESIS, hash));

    assertThat(json)
        .isEqualTo(
            new AuditJson(
                1,
                5,
                entry.occurredAt(),
                "carol",
                List.of("admin"),
                "login",
                null,
                null,
                "SUCCESS",
                "r",
                "::1",
                AuditHash.GENESIS,
                hash));
  }
}
