package org.mlplatform.domain.models.card;

import java.util.regex.Pattern;

/**
 * Escapes text that people or model files supplied so that Markdown renders it literally. Every
 * character that can start emphasis, a link, code, HTML or an entity is backslash-escaped
 * everywhere; characters that only mean something at the start of a line (headings, quotes, lists,
 * setext underlines) are escaped there; leading spaces are dropped so no line becomes a code block.
 */
final class MarkdownText {

  private static final String ALWAYS = "\\`*_{}[]()<>|~!&";
  private static final String LINE_START = "#>-+=";
  private static final Pattern ORDERED_ITEM = Pattern.compile("^(\\d{1,9})([.)])");

  private MarkdownText() {}

  /** Text as paragraphs: line breaks stay, blank lines separate paragraphs. */
  static String block(String text) {
    String[] lines = text.strip().split("\\R", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(line(lines[i]));
    }
    return out.toString();
  }

  /**
   * Text inside a line (a table cell, after a list item's label, in a heading): line breaks become
   * spaces, and {@code #} is escaped too, since a heading drops trailing ones.
   */
  static String inline(String text) {
    String flat = text.replaceAll("\\R", " ").strip();
    StringBuilder out = new StringBuilder(flat.length() + 8);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if (ALWAYS.indexOf(c) >= 0 || c == '#') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String line(String raw) {
    String text = raw.strip();
    StringBuilder out = new StringBuilder(text.length() + 8);
    var ordered = ORDERED_ITEM.matcher(text);
    int start = 0;
    if (ordered.find()) {
      out.append(ordered.group(1)).append('\\').append(ordered.group(2));
      start = ordered.end();
    } else if (!text.isEmpty() && LINE_START.indexOf(text.charAt(0)) >= 0) {
      out.append('\\').append(text.charAt(0));
      start = 1;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ALWAYS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
