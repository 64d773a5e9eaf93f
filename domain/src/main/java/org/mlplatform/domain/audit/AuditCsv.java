package org.mlplatform.domain.audit;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.mlplatform.domain.io.CsvCells;

/**
 * Writes audit records as CSV, one line each after a header: seq, time (ISO-8601, UTC), actor,
 * roles (comma-separated), action, target, summary, outcome, request id, client address, hash.
 * Every cell goes through {@link CsvCells#cell}, so no text someone typed runs as a spreadsheet
 * formula. The caller flushes and closes the writer.
 */
public final class AuditCsv implements Consumer<AuditRecord> {

  /** The header line's column names. */
  public static final List<String> COLUMNS =
      List.of(
          "seq",
          "time",
          "actor",
          "roles",
          "action",
          "target",
          "summary",
          "outcome",
          "request_id",
          "client_address",
          "hash");

  private final Writer out;

  /** Writes the header at once. */
  public AuditCsv(Writer out) {
    this.out = out;
    CsvCells.writeLine(out, COLUMNS);
  }

  @Override
  public void accept(AuditRecord record) {
    AuditEntry e = record.entry();
    CsvCells.writeLine(
        out,
        Arrays.asList(
            Long.toString(record.seq()),
            e.occurredAt().toString(),
            e.actor(),
            String.join(",", e.actorRoles()),
            e.action(),
            e.target(),
            e.summary(),
            e.outcome().name(),
            e.requestId(),
            e.clientAddress(),
            record.hash()));
  }
}
