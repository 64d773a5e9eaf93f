package org.mlplatform.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of the description with matched words in {@code <mark>}, everything else HTML-escaped,
 * so the portal can render them as HTML without letting a description inject markup.
 *
 * <p>One {@link UnifiedHighlighter} without a searcher: it is handed the text already loaded with
 * the hit's other stored fields (one decompression per hit instead of two) and finds offsets by
 * re-analysing it, so the index stores no offsets. Thread-safe.
 */
final class Snippets {

  /** Aimed-for snippet length in characters, cut at word boundaries. */
  static final int LENGTH = 160;

  private final UnifiedHighlighter highlighter;

  Snippets(Analyzer perFieldAnalyzer) {
    this.highlighter =
        UnifiedHighlighter.builderWithoutSearcher(perFieldAnalyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
            // Weight matches would index every snippet in a MemoryIndex first; plain terms (what
            // free text highlights) are found straight in the token stream, several times faster.
            .withWeightMatches(false)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), LENGTH, 0.5f))
            .build();
  }

  /**
   * The snippet of one hit: from the description where {@code query} matches it, else the
   * description's head; from the name when the description is empty.
   */
  String of(Query query, String name, String description) throws IOException {
    if (description != null && !description.isBlank()) {
      return highlight(Fields.DESCRIPTION, query, description);
    }
    return name == null ? "" : highlight(Fields.NAME, query, name);
  }

  private String highlight(String field, Query query, String text) throws IOException {
    Object snippet = highlighter.highlightWithoutSearcher(field, query, text, 1);
    return snippet == null ? "" : snippet.toString();
  }
}
