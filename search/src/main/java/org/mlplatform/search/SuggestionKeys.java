package org.mlplatform.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The text suggestions compare: lower-cased, with every run of characters that are not letters or
 * digits turned into one space, so {@code txn_stats:amount_avg}, {@code txn stats amount} and
 * {@code TXN-STATS.AMOUNT} all line up. A name is findable from the start of each of its words.
 */
final class SuggestionKeys {

  private SuggestionKeys() {}

  /** The key of a name, and where in it each word starts (first 0). */
  record Key(String text, int[] wordStarts) {}

  static Key of(String name) {
    StringBuilder key = new StringBuilder(name.length());
    List<Integer> starts = new ArrayList<>();
    int previous = ' ';
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetterOrDigit(c)) {
        if (!key.isEmpty() && key.charAt(key.length() - 1) != ' ') {
          key.append(' ');
        }
      } else {
        boolean afterSeparator = key.isEmpty() || key.charAt(key.length() - 1) == ' ';
        boolean caseChange = Character.isUpperCase(c) && Character.isLowerCase(previous);
        if (afterSeparator || caseChange) {
          starts.add(key.length());
        }
        key.appendCodePoint(Character.toLowerCase(c));
      }
      previous = c;
    }
    int[] wordStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    return new Key(key.toString().stripTrailing(), wordStarts);
  }

  /**
   * What the user typed, keyed the same way. A trailing separator is kept ({@code "txn "} must not
   * suggest {@code txnx}); leading ones are dropped.
   */
  static String ofPrefix(String typed) {
    StringBuilder key = new StringBuilder(typed.length());
    for (int i = 0; i < typed.length(); ) {
      int c = typed.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetterOrDigit(c)) {
        if (!key.isEmpty() && key.charAt(key.length() - 1) != ' ') {
          key.append(' ');
        }
      } else {
        key.appendCodePoint(Character.toLowerCase(c));
      }
    }
    return key.toString();
  }
}
