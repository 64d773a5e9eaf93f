package org.mlplatform.search;

/**
 * One hit of a search.
 *
 * @param highlight HTML-escaped snippet with {@code <mark>…</mark>} around matched words; the
 *     escaped head of the description when nothing matched there. Safe to render as HTML.
 * @param score Lucene's score (NaN when sorted by something else than relevance)
 */
public record SearchHit(
    String id, DocumentType type, String name, String link, String highlight, float score) {}
