package org.mlplatform.portal.search;

import java.util.List;
import org.mlplatform.search.CatalogDocument;
import org.mlplatform.search.CatalogIndex;

/**
 * What one committed catalogue change does to the index, worked out from the database before the
 * index is touched.
 *
 * @param removedIds documents to delete
 * @param removedPrefixes every document whose id starts with one of these is deleted, before
 * @param documents are written (inserted or replaced by id)
 */
public record IndexChange(
    List<String> removedIds, List<String> removedPrefixes, List<CatalogDocument> documents) {

  public IndexChange {
    removedIds = List.copyOf(removedIds);
    removedPrefixes = List.copyOf(removedPrefixes);
    documents = List.copyOf(documents);
  }

  static IndexChange write(CatalogDocument document) {
    return new IndexChange(List.of(), List.of(), List.of(document));
  }

  static IndexChange remove(String id) {
    return new IndexChange(List.of(id), List.of(), List.of());
  }

  /** Deletes first, then writes, so a document both removed by prefix and written survives. */
  void applyTo(CatalogIndex index) {
    removedPrefixes.forEach(index::deleteWhere);
    if (!removedIds.isEmpty()) {
      index.delete(removedIds);
    }
    if (!documents.isEmpty()) {
      index.upsert(documents);
    }
  }
}
