/**
 * The Lucene catalogue index: one index in the data directory, one {@code SearcherManager},
 * refreshed in the background so that committed changes become searchable within a second.
 */
package org.mlplatform.search;
