package org.mlplatform.portal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.io.SpreadsheetSafeCsv;

/**
 * A stored CSV file as a download. By default every cell a spreadsheet would run as a formula gets
 * a leading {@code '} (CSV injection): people open these files in Excel or LibreOffice. {@code
 * ?raw=true} gives the stored bytes unchanged, for data tools that check the file's SHA-256. The
 * {@value #MODE_HEADER} header says which one the client got.
 */
final class CsvDownload {

  static final String MODE_HEADER = "X-MLP-Csv";
  static final String SAFE = "spreadsheet-safe";
  static final String RAW = "raw";

  /** Opens the stored file; the download closes it. */
  @FunctionalInterface
  interface StoredFile {
    InputStream open() throws IOException;
  }

  private CsvDownload() {}

  /** {@code ?raw=}: absent or {@code false} is spreadsheet-safe, {@code true} raw, else a 400. */
  static boolean raw(String parameter) {
    if (parameter == null || parameter.equalsIgnoreCase("false")) {
      return false;
    }
    if (parameter.equalsIgnoreCase("true")) {
      return true;
    }
    throw new DomainValidationException("raw", "raw is true or false, not '" + parameter + "'");
  }

  /** The file as the body: rewritten spreadsheet-safe, or copied byte for byte when raw. */
  static StreamingOutput body(StoredFile file, boolean raw) {
    return out -> {
      try (InputStream in = file.open()) {
        if (raw) {
          in.transferTo(out);
        } else {
          new SpreadsheetSafeCsv().rewrite(in, out);
        }
      }
    };
  }

  /** A 200 with the body, an attachment named {@code filename} and the mode header. */
  static Response.ResponseBuilder response(StoredFile file, boolean raw, String filename) {
    return Response.ok(body(file, raw), "text/csv")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .header(MODE_HEADER, raw ? RAW : SAFE);
  }
}
