package org.mlplatform.search;

import java.util.Set;

/**
 * A catalogue search request.
 *
 * @param text the user's words; empty matches everything
 * @param advanced {@code true} to interpret {@code text} as Lucene classic query syntax; otherwise
 *     every character is literal text
 * @param types only these types; empty means all
 * @param tags only items carrying one of these tags; empty means all
 * @param owners only items owned by one of these; empty means all
 * @param aliases only items carrying one of these aliases; empty means all
 * @param page 0-based
 * @param size 1..100
 * @param sort the order of hits
 */
public record SearchQuery(
    String text,
    boolean advanced,
    Set<DocumentType> types,
    Set<String> tags,
    Set<String> owners,
    Set<String> aliases,
    int page,
    int size,
    Sort sort) {

  /** Largest page size; larger pages are refused rather than silently truncated. */
  public static final int MAX_SIZE = 100;

  /** The default page size of {@link #of(String)}. */
  public static final int DEFAULT_SIZE = 20;

  /** The order of hits. */
  public enum Sort {
    RELEVANCE,
    NAME,
    UPDATED
  }

  /**
   * Copies the sets and checks the paging; a bad page or size is the caller's mistake and becomes
   * an {@link InvalidQueryException} (a 400).
   */
  public SearchQuery {
    text = text == null ? "" : text;
    types = types == null ? Set.of() : Set.copyOf(types);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    owners = owners == null ? Set.of() : Set.copyOf(owners);
    aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (page < 0) {
      throw new InvalidQueryException("page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidQueryException("size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }

  /** Free text with the defaults: not advanced, no filters, page 0, size 20, by relevance. */
  public static SearchQuery of(String text) {
    return new SearchQuery(
        text, false, Set.of(), Set.of(), Set.of(), Set.of(), 0, DEFAULT_SIZE, Sort.RELEVANCE);
  }
}
