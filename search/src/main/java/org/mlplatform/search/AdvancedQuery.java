package org.mlplatform.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic syntax for users who ask for it: {@code name:fraud* AND tag:pii}, {@code "card
 * fraud"~2}, {@code fraud~}, {@code /fra.d/}. Unqualified words search {@code name} (boost 5) and
 * {@code description}; fields are those of {@link Fields}. Words are joined with AND, as in free
 * text, so more words narrow the result.
 *
 * <p>Every way the input can be wrong ends in an {@link InvalidQueryException} that says why:
 * syntax errors, bad regular expressions, automata too big to build and more clauses than {@link
 * IndexSearcher#getMaxClauseCount()}.
 */
final class AdvancedQuery {

  /** Longer than free text allows, so that a query can reach the clause limit and be told so. */
  static final int MAX_CHARS = 10_000;

  /**
   * The classic parser recurses once per bracket; deeper nesting than this is not a real query and
   * would risk a {@link StackOverflowError} instead of an answer.
   */
  static final int MAX_NESTING = 32;

  /** Parse errors quote the whole input; a 400 needs only its beginning. */
  private static final int MAX_MESSAGE = 300;

  private final Analyzer analyzer;

  AdvancedQuery(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
  }

  Query parse(String text) {
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (text.length() > MAX_CHARS) {
      throw new InvalidQueryException(
          "the query is " + text.length() + " characters long; at most " + MAX_CHARS + " allowed");
    }
    checkNesting(text);
    // The parser keeps state while parsing: one per call.
    QueryParser parser =
        new MultiFieldQueryParser(
            new String[] {Fields.NAME, Fields.DESCRIPTION},
            analyzer,
            Map.of(Fields.NAME, 5f, Fields.DESCRIPTION, 1f));
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses tooMany) {
        throw CatalogQueries.tooManyClauses(tooMany);
      }
      if (e.getCause() instanceof TooComplexToDeterminizeException tooComplex) {
        throw tooComplex(tooComplex);
      }
      throw new InvalidQueryException("cannot parse the query: " + reason(e.getMessage(), text), e);
    } catch (IllegalArgumentException e) {
      // A regular expression the automaton builder rejects.
      throw new InvalidQueryException("cannot parse the query: " + reason(e.getMessage(), text), e);
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw CatalogQueries.tooManyClauses(e);
    }
  }

  private static void checkNesting(String text) {
    int depth = 0;
    boolean escaped = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '(') {
        depth++;
        if (depth > MAX_NESTING) {
          throw new InvalidQueryException(
              "cannot parse the query: brackets nested deeper than " + MAX_NESTING);
        }
      } else if (c == ')' && depth > 0) {
        depth--;
      }
    }
  }

  static InvalidQueryException tooComplex(TooComplexToDeterminizeException e) {
    return new InvalidQueryException(
        "the query is too complex: a pattern expands to too many states", e);
  }

  /**
   * The parser's reason without the echo of the whole query it starts with ({@code Cannot parse
   * '...': }), on one line and short: the user has the query already.
   */
  private static String reason(String message, String text) {
    String echo = "Cannot parse '" + text + "': ";
    String reason = message == null ? "" : message;
    if (reason.startsWith(echo)) {
      reason = reason.substring(echo.length());
    }
    String oneLine = reason.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
