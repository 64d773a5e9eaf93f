package org.mlplatform.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with counts over all matches.
 *
 * @param total number of matching documents (all pages)
 * @param hits the requested page
 * @param facets {@code "type"}, {@code "owner"}, {@code "tag"}, {@code "alias"} to value to count,
 *     over all matches (not just the page), top values first
 * @param tookMicros time spent in the index
 */
public record SearchResult(
    long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, long tookMicros) {}
