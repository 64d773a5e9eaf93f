package org.mlplatform.benchmarks.search;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.DocumentType;
import org.mlplatform.search.SearchQuery;

/**
 * What people type, drawn from the catalogue's own names and vocabulary: exact names (30 %),
 * prefixes of 2 to 5 letters (15 %), words with one typo (15 %), two words (20 %), a word with a
 * type, tag or owner filter (10 %) and description words (10 %). Suggestions are the first 1 to 12
 * characters of a name, or of a later word in it, as typed key by key.
 */
final class Workload {

  /** A query and, for exact names, the id that should come first. */
  record Search(String kind, SearchQuery query, String expectedFirst) {}

  private static final List<String> VOCABULARY =
      concat(
          SyntheticCatalogue.SUBJECTS,
          SyntheticCatalogue.MEASURES,
          SyntheticCatalogue.AGGREGATES,
          SyntheticCatalogue.MODEL_WORDS);

  private final List<CatalogDocument> docs;
  private final Random random;

  Workload(List<CatalogDocument> docs, long seed) {
    this.docs = docs;
    this.random = new Random(seed);
  }

  Search nextSearch() {
    int dice = random.nextInt(100);
    if (dice < 30) {
      CatalogDocument doc = pick(docs);
      return new Search("exact", SearchQuery.of(doc.name()), doc.id());
    }
    if (dice < 45) {
      String word = pick(VOCABULARY);
      return new Search(
          "prefix",
          SearchQuery.of(word.substring(0, Math.min(word.length(), 2 + random.nextInt(4)))),
          null);
    }
    if (dice < 60) {
      return new Search("typo", SearchQuery.of(typo(longWord())), null);
    }
    if (dice < 80) {
      return new Search(
          "two words", SearchQuery.of(pick(VOCABULARY) + " " + pick(VOCABULARY)), null);
    }
    if (dice < 90) {
      return new Search("filter", filtered(pick(VOCABULARY)), null);
    }
    return new Search("description", SearchQuery.of(pick(SyntheticCatalogue.FILLER)), null);
  }

  String nextPrefix() {
    String name = pick(docs).name();
    if (random.nextInt(4) == 0) {
      int separator = Math.max(name.lastIndexOf(':'), name.lastIndexOf('_'));
      name = name.substring(separator + 1);
    }
    return name.substring(0, Math.min(name.length(), 1 + random.nextInt(12)));
  }

  private SearchQuery filtered(String word) {
    Set<DocumentType> types = Set.of();
    Set<String> tags = Set.of();
    Set<String> owners = Set.of();
    switch (random.nextInt(3)) {
      case 0 -> types = Set.of(pick(List.of(DocumentType.values())));
      case 1 -> tags = Set.of(pick(SyntheticCatalogue.TAGS));
      default -> owners = Set.of(pick(SyntheticCatalogue.OWNERS));
    }
    return new SearchQuery(
        word, false, types, tags, owners, Set.of(), 0, 20, SearchQuery.Sort.RELEVANCE);
  }

  private String longWord() {
    String word;
    do {
      word = pick(VOCABULARY);
    } while (word.length() < 5);
    return word;
  }

  /** One substitution, deletion or swap of neighbours after the first letter. */
  private String typo(String word) {
    int at = 1 + random.nextInt(word.length() - 2);
    char[] chars = word.toCharArray();
    return switch (random.nextInt(3)) {
      case 0 -> {
        chars[at] = (char) ('a' + random.nextInt(26));
        yield new String(chars);
      }
      case 1 -> word.substring(0, at) + word.substring(at + 1);
      default -> {
        char c = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = c;
        yield new String(chars);
      }
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
