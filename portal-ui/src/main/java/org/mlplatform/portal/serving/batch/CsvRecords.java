package org.mlplatform.portal.serving.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ingest.CsvRecordReader;

/**
 * RFC 4180 records through the ingestion's {@link CsvRecordReader} (quotes, line breaks inside
 * quotes, a byte-order mark, an unquoted empty field read as {@code null} and a quoted one as the
 * empty string, as the training-set files write them), with blank lines skipped and the records
 * counted for error messages.
 */
final class CsvRecords {

  /** Far above any real row; there only to bound memory. */
  static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  private final CsvRecordReader reader;
  private long records;

  CsvRecords(Reader in) {
    this(in, DEFAULT_MAX_RECORD_CHARS);
  }

  CsvRecords(Reader in, int maxRecordChars) {
    this.reader = new CsvRecordReader(in, maxRecordChars);
  }

  /** How many non-blank records {@link #next()} has returned; the header is record 1. */
  long records() {
    return records;
  }

  /**
   * The next record's fields, skipping blank lines; {@code null} at the end of the input.
   *
   * @throws DomainValidationException naming {@code csv} when the text is not well-formed CSV
   */
  List<String> next() throws IOException {
    try {
      List<String> fields;
      do {
        fields = reader.next();
      } while (fields != null && fields.isEmpty());
      if (fields != null) {
        records++;
      }
      return fields;
    } catch (CsvRecordReader.MalformedCsvException e) {
      throw new DomainValidationException(
          "csv", "CSV record " + (records + 1) + ": " + e.getMessage());
    }
  }
}
