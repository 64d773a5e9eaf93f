package org.mlplatform.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The analyzers of the catalogue. One {@link #perField()} instance serves indexing, the advanced
 * parser and the highlighter, so a word is cut the same way when stored and when searched.
 */
final class CatalogAnalyzers {

  private CatalogAnalyzers() {}

  /**
   * Splits identifiers into words: on anything that is not a letter or digit ({@code _ : . - /} and
   * spaces) and on case changes, then lower-cases. {@code txn_stats:amountAvg} becomes {@code txn
   * stats amount avg}, so each word is findable on its own. Digits stay with their letters ({@code
   * v3}) because versions are searched that way.
   */
  static Analyzer name() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
        TokenStream stream =
            new WordDelimiterGraphFilter(
                tokenizer,
                WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                    | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                    | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE,
                null);
        // Only splitting (no catenation, no preserved original), so the token graph is a flat
        // chain and needs no FlattenGraphFilter (which took a tenth of the indexing time). Add one
        // if catenation is ever switched on.
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(stream));
      }

      /** Wildcard and prefix terms of the advanced syntax are lower-cased like indexed words. */
      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /**
   * English with stemming but no stop words: every user word is required, and a dropped stop word
   * would silently match nothing rather than anything.
   */
  static Analyzer description() {
    return new EnglishAnalyzer(CharArraySet.EMPTY_SET);
  }

  /** Per field: words for names and their relatives, English for descriptions, exact otherwise. */
  static Analyzer perField() {
    Analyzer name = name();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            Fields.NAME, name,
            Fields.TAG_TEXT, name,
            Fields.OWNER_TEXT, name,
            Fields.ALIAS_TEXT, name,
            Fields.METRIC, name,
            Fields.DESCRIPTION, description()));
  }
}
