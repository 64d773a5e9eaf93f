package org.mlplatform.portal.serving.batch;

import java.io.IOException;
import java.io.Writer;
import org.mlplatform.domain.io.CsvCells;

/**
 * Writes RFC 4180 records: a field is quoted only when it must be (a comma, quote or line break in
 * it, or the empty string, which {@link CsvRecords} reads back as empty rather than as no value);
 * {@code null} is an empty unquoted field. One builder is reused for every line.
 */
final class CsvLineWriter {

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private boolean first = true;

  CsvLineWriter(Writer out) {
    this.out = out;
  }

  /** Adds a field to the current line. */
  CsvLineWriter field(String value) {
    if (!first) {
      line.append(',');
    }
    first = false;
    if (value != null) {
      line.append(CsvCells.field(value));
    }
    return this;
  }

  /** Ends the current line and hands it to the writer. */
  void endLine() throws IOException {
    line.append('\n');
    out.append(line);
    line.setLength(0);
    first = true;
  }
}
