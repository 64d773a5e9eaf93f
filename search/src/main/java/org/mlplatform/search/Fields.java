package org.mlplatform.search;

import java.util.Locale;

/**
 * Names of the Lucene fields. The user-facing ones ({@code name}, {@code description}, {@code tag},
 * {@code owner}, {@code alias}, {@code type}, {@code id}, {@code metric}) are also what the
 * advanced syntax accepts, so {@code tag:fraud} means what it says.
 */
final class Fields {

  /** Unique id, exact; the term that upserts replace by. */
  static final String ID = "id";

  /** The type's key, exact; filter, facet and stored. */
  static final String TYPE = "type";

  /** The name split into words ({@link CatalogAnalyzers#name()}); stored for hits. */
  static final String NAME = "name";

  /** The whole name lower-cased as one term: an exact match earns the biggest boost. */
  static final String NAME_EXACT = "name_exact";

  /** The lower-cased name as doc values: sort by name and tie-break relevance. */
  static final String NAME_SORT = "name_sort";

  /** The name as given, as doc values: read in bulk to build suggestions per segment. */
  static final String NAME_VALUE = "name_value";

  /** English text, stemmed; stored for snippets. */
  static final String DESCRIPTION = "description";

  /** Tag values as given: filter and facet. */
  static final String TAG = "tag";

  /** Tags split into words like names, for free text. */
  static final String TAG_TEXT = "tag_text";

  static final String OWNER = "owner";
  static final String OWNER_TEXT = "owner_text";
  static final String ALIAS = "alias";
  static final String ALIAS_TEXT = "alias_text";

  /** Names of a version's key metrics, searchable in advanced mode ({@code metric:auc}). */
  static final String METRIC = "metric";

  /** Epoch milliseconds as doc values: sort by last change. */
  static final String UPDATED = "updated";

  static final String LINK = "link";

  private Fields() {}

  /** Names compare and match case-insensitively everywhere (exact boost, sort, suggestions). */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
