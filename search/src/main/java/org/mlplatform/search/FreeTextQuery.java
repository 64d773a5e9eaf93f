package org.mlplatform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user types into a query without interpreting any syntax: {@code *}, {@code ?},
 * quotes, brackets and {@code /.../} are plain characters, so no input can fail to parse.
 *
 * <p>Each whitespace-separated word becomes a group of alternatives, and every group is required,
 * so more words narrow the result. Inside a group the boosts rank where the word was found: whole
 * name (10) above a name word (5) above a tag (3) above a name prefix, alias or owner (2) above a
 * misspelt name word (1.5) above the description (1). The whole text as an exact name gets another
 * 10 so that {@code fraud v3} puts the version named so first.
 */
final class FreeTextQuery {

  static final int MAX_CHARS = 1_000;
  static final int MAX_WORDS = 64;

  /** Longer words are not fuzzed: nobody misspells a hash, and the automaton grows with length. */
  private static final int MAX_FUZZY_LENGTH = 40;

  private final Analyzer analyzer;

  FreeTextQuery(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
  }

  /**
   * What to mark in snippets: the words as description and name terms. Plain terms only: typo and
   * prefix expansion would make the highlighter index every snippet in memory, which cost more than
   * the search itself.
   */
  Query highlight(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String word : words(text)) {
      for (String token : tokens(Fields.DESCRIPTION, word)) {
        any.add(new TermQuery(new Term(Fields.DESCRIPTION, token)), Occur.SHOULD);
      }
      for (String part : tokens(Fields.NAME, word)) {
        any.add(new TermQuery(new Term(Fields.NAME, part)), Occur.SHOULD);
      }
    }
    return any.build();
  }

  /**
   * The query for {@code text}; {@code known} tells which words the index contains, so that only
   * words that are not there (likely typos) pay for a fuzzy expansion.
   */
  Query build(String text, KnownWords known) {
    if (text.length() > MAX_CHARS) {
      throw new InvalidQueryException(
          "the query is " + text.length() + " characters long; at most " + MAX_CHARS + " allowed");
    }
    String[] words = words(text);
    if (words.length == 0) {
      return new MatchAllDocsQuery();
    }
    if (words.length > MAX_WORDS) {
      throw new InvalidQueryException(
          "the query has " + words.length + " words; at most " + MAX_WORDS + " allowed");
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean anyWord = false;
    for (String word : words) {
      Query group = wordGroup(word, known);
      if (group != null) {
        query.add(group, Occur.MUST);
        anyWord = true;
      }
    }
    Query wholeName = boost(exactName(String.join(" ", words)), 10);
    if (!anyWord) {
      // Only punctuation: nothing to look for in words, but a name may literally be "*".
      return wholeName;
    }
    if (words.length > 1) {
      query.add(wholeName, Occur.SHOULD);
    }
    return query.build();
  }

  private static String[] words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }

  /** The alternatives for one word, or null when the word has no letters or digits. */
  private Query wordGroup(String word, KnownWords known) {
    List<String> parts = tokens(Fields.NAME, word);
    if (parts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder group = new BooleanQuery.Builder();
    group.add(boost(exactName(word), 10), Occur.SHOULD);
    group.add(boost(allOf(Fields.NAME, parts), 5), Occur.SHOULD);
    String last = parts.getLast();
    if (last.length() >= 2) {
      group.add(boost(prefixOfLast(parts), 2), Occur.SHOULD);
    }
    List<String> descriptionWords = tokens(Fields.DESCRIPTION, word);
    if (!isKnown(parts, descriptionWords, known)) {
      Query fuzzy = fuzzy(parts);
      if (fuzzy != null) {
        group.add(boost(fuzzy, 1.5f), Occur.SHOULD);
      }
    }
    group.add(boost(allOf(Fields.TAG_TEXT, parts), 3), Occur.SHOULD);
    group.add(boost(allOf(Fields.ALIAS_TEXT, parts), 2), Occur.SHOULD);
    group.add(boost(allOf(Fields.OWNER_TEXT, parts), 2), Occur.SHOULD);
    if (!descriptionWords.isEmpty()) {
      group.add(allOf(Fields.DESCRIPTION, descriptionWords), Occur.SHOULD);
    }
    return group.build();
  }

  /** Every part a name word, or every description word in some description. */
  private static boolean isKnown(
      List<String> parts, List<String> descriptionWords, KnownWords known) {
    return parts.stream().allMatch(part -> known.contains(Fields.NAME, part))
        || (!descriptionWords.isEmpty()
            && descriptionWords.stream().allMatch(w -> known.contains(Fields.DESCRIPTION, w)));
  }

  private static Query exactName(String text) {
    return new TermQuery(new Term(Fields.NAME_EXACT, Fields.fold(text)));
  }

  /** {@code amount_av} finds {@code amount_avg}: earlier parts exactly, the last as a prefix. */
  private static Query prefixOfLast(List<String> parts) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < parts.size() - 1; i++) {
      all.add(new TermQuery(new Term(Fields.NAME, parts.get(i))), Occur.MUST);
    }
    all.add(new PrefixQuery(new Term(Fields.NAME, parts.getLast())), Occur.MUST);
    return all.build();
  }

  /**
   * Each part of at least 4 characters may be misspelt by one edit, from 8 characters by two. The
   * first character must match: typos there are rare and it keeps the term walk small. Only built
   * for a word the index does not contain: building the automata took a fifth of the time of a
   * search, wasted on words spelt right.
   */
  private static Query fuzzy(List<String> parts) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean anyFuzzy = false;
    for (String part : parts) {
      int edits = part.length() >= 8 ? 2 : part.length() >= 4 ? 1 : 0;
      Term term = new Term(Fields.NAME, part);
      if (edits > 0 && part.length() <= MAX_FUZZY_LENGTH) {
        all.add(new FuzzyQuery(term, edits, 1), Occur.MUST);
        anyFuzzy = true;
      } else {
        all.add(new TermQuery(term), Occur.MUST);
      }
    }
    return anyFuzzy ? all.build() : null;
  }

  private static Query allOf(String field, List<String> words) {
    if (words.size() == 1) {
      return new TermQuery(new Term(field, words.getFirst()));
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : words) {
      all.add(new TermQuery(new Term(field, word)), Occur.MUST);
    }
    return all.build();
  }

  private static Query boost(Query query, float boost) {
    return new BoostQuery(query, boost);
  }

  /** The distinct terms the field's analyzer makes of {@code text}, in order. */
  private List<String> tokens(String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in memory cannot fail", e);
    }
    return new ArrayList<>(terms);
  }
}
