/**
 * The catalogue search benchmark ({@link org.mlplatform.benchmarks.search.SearchBenchmark}): the
 * platform's {@code CatalogIndex} built from synthetic feature-store and registry documents, then
 * in-process query and suggestion latencies. Goals: query p99 at most 10 ms and suggestion p99 at
 * most 5 ms with 100,000 documents.
 */
package org.mlplatform.benchmarks.search;
