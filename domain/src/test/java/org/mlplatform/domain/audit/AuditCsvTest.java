package org.mlplatform.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void writesAHeaderAndOneSafeLinePerRecord() {
    AuditEntry entry =
        new AuditEntry(
            Instant.parse("2026-03-01T12:00:00.5Z"),
            "=HYPERLINK(\"http://evil\")",
            List.of("admin", "viewer"),
            "model.update",
            "model:fraud",
            "tags [a, b]\nsecond line",
            Outcome.SUCCESS,
            null,
            "-1.2.3.4");
    String hash = AuditHash.of(7, entry, AuditHash.GENESIS);
    StringWriter out = new StringWriter();

    AuditCsv csv = new AuditCsv(out);
    csv.accept(new AuditRecord(7, 42, entry, AuditHash.GENESIS, hash));

    assertThat(out.toString())
        .isEqualTo(
            "seq,time,actor,roles,action,target,summary,outcome,request_id,client_address,hash\n"
                + "7,2026-03-01T12:00:00.500Z,\"'=HYPERLINK(\"\"http://evil\"\")\","
                + "\"admin,viewer\",model.update,model:fraud,\"tags [a, b]\nsecond line\","
                + "SUCCESS,,'-1.2.3.4,"
                + hash
                + "\n");
  }
}
