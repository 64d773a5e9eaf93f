package org.mlplatform.domain.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV cells that are safe to open in a spreadsheet. A cell beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google
 * Sheets (CSV injection, OWASP): such text gets a leading single quote, which those programs show
 * as text and never evaluate. Cells are then quoted as RFC 4180 asks, only when they must be (a
 * comma, quote or line break in them, or the empty string, so empty reads back apart from null).
 *
 * <p>For text that people or other systems wrote (names, summaries, targets). Numbers the platform
 * wrote itself can go through {@link #field} alone, so that {@code -1.5} stays a number.
 */
public final class CsvCells {

  private CsvCells() {}

  /** {@code text} with a leading {@code '} when a spreadsheet would take it for a formula. */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  /**
   * Like {@link #neutralise}, but a cell starting with {@code -} or {@code +} that is a number
   * ({@link Double#parseDouble} takes it: {@code -1.5}, {@code +3e2}, {@code -Infinity}) stays as
   * it is, so numeric columns of a file written by someone else keep their values. A spreadsheet
   * reads such a cell as a number, never as a formula.
   */
  public static String neutraliseUnlessNumber(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    if ((first == '-' || first == '+') && isNumber(text)) {
      return text;
    }
    return neutralise(text);
  }

  /** One RFC 4180 field: null is empty and unquoted; quotes only where needed, doubled inside. */
  public static String field(String text) {
    if (text == null) {
      return "";
    }
    if (!text.isEmpty() && !needsQuotes(text)) {
      return text;
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted.append('"');
      }
      quoted.append(c);
    }
    return quoted.append('"').toString();
  }

  /** Untrusted text as a cell: neutralised, then quoted as needed. */
  public static String cell(String text) {
    return field(neutralise(text));
  }

  /** Writes one line of {@link #cell}s, separated by commas and ended by a line feed. */
  public static void writeLine(Appendable out, List<String> texts) {
    try {
      for (int i = 0; i < texts.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(texts.get(i)));
      }
      out.append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
