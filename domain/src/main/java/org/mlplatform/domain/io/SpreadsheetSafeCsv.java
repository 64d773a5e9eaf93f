package org.mlplatform.domain.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlplatform.domain.features.ingest.CsvRecordReader;
import org.mlplatform.domain.features.ingest.CsvRecordReader.MalformedCsvException;

/**
 * Rewrites an RFC 4180 CSV file, record by record, so a spreadsheet opening it runs no formula:
 * every cell, the header's too, goes through {@link CsvCells#neutraliseUnlessNumber} and is quoted
 * only where needed. Numbers stay numbers, and null (an empty unquoted field) and the empty string
 * ({@code ""}) stay apart, so a stored file without formulas comes out unchanged (lines end in a
 * line feed). Memory holds one record at a time; a longer record than the limit is an error, so a
 * missing closing quote cannot pull a whole file into memory.
 */
public final class SpreadsheetSafeCsv {

  /** The longest record, in characters, that {@link #SpreadsheetSafeCsv()} rewrites: 1 Mi. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private final int maxRecordChars;

  public SpreadsheetSafeCsv() {
    this(MAX_RECORD_CHARS);
  }

  public SpreadsheetSafeCsv(int maxRecordChars) {
    if (maxRecordChars < 1) {
      throw new IllegalArgumentException("maxRecordChars must be positive");
    }
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * Reads UTF-8 CSV from {@code in} and writes the safe form, UTF-8, to {@code out}; closes
   * neither.
   *
   * @return the number of records written, the header included
   * @throws IOException on reading or writing, or when the input is not well-formed CSV (what was
   *     written before stays written: a stream cut short, not a different file)
   */
  public long rewrite(InputStream in, OutputStream out) throws IOException {
    Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    long records = rewrite(reader, writer);
    writer.flush();
    return records;
  }

  /** As {@link #rewrite(InputStream, OutputStream)}, for characters; flushes but does not close. */
  public long rewrite(Reader in, Writer out) throws IOException {
    CsvRecordReader records = new CsvRecordReader(in, maxRecordChars);
    StringBuilder line = new StringBuilder(256);
    long count = 0;
    try {
      List<String> cells;
      while ((cells = records.next()) != null) {
        count++;
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            line.append(',');
          }
          line.append(CsvCells.field(CsvCells.neutraliseUnlessNumber(cells.get(i))));
        }
        out.append(line).append('\n');
      }
    } catch (MalformedCsvException e) {
      throw new IOException(
          "record " + (count + 1) + " of the CSV cannot be rewritten: " + e.getMessage(), e);
    }
    out.flush();
    return count;
  }
}
