package org.mlplatform.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** Maps a {@link CatalogDocument} to the Lucene fields described in {@link Fields}. */
final class LuceneDocuments {

  private LuceneDocuments() {}

  static Term idTerm(String id) {
    return new Term(Fields.ID, id);
  }

  static Document toLucene(CatalogDocument doc) {
    Document lucene = new Document();
    lucene.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
    lucene.add(new StringField(Fields.TYPE, doc.type().key(), Field.Store.YES));
    lucene.add(new SortedSetDocValuesField(Fields.TYPE, new BytesRef(doc.type().key())));
    lucene.add(new TextField(Fields.NAME, doc.name(), Field.Store.YES));
    String folded = Fields.fold(doc.name());
    lucene.add(new StringField(Fields.NAME_EXACT, folded, Field.Store.NO));
    lucene.add(new SortedDocValuesField(Fields.NAME_SORT, new BytesRef(folded)));
    lucene.add(new BinaryDocValuesField(Fields.NAME_VALUE, new BytesRef(doc.name())));
    lucene.add(new TextField(Fields.DESCRIPTION, doc.description(), Field.Store.YES));
    lucene.add(new StoredField(Fields.LINK, doc.link()));
    lucene.add(new NumericDocValuesField(Fields.UPDATED, doc.updatedAt().toEpochMilli()));
    addKeywords(lucene, Fields.TAG, Fields.TAG_TEXT, distinct(doc.tags()));
    if (doc.owner() != null && !doc.owner().isBlank()) {
      addKeywords(lucene, Fields.OWNER, Fields.OWNER_TEXT, Set.of(doc.owner()));
    }
    addKeywords(lucene, Fields.ALIAS, Fields.ALIAS_TEXT, distinct(doc.aliases()));
    doc.metrics()
        .keySet()
        .forEach(m -> lucene.add(new TextField(Fields.METRIC, m, Field.Store.NO)));
    return lucene;
  }

  /**
   * A value as given for filters and facets (doc values hold each value once per document, hence
   * the de-duplication) and split into words for free text.
   */
  private static void addKeywords(Document lucene, String exact, String text, Set<String> values) {
    for (String value : values) {
      lucene.add(new StringField(exact, value, Field.Store.NO));
      lucene.add(new SortedSetDocValuesField(exact, new BytesRef(value)));
      lucene.add(new TextField(text, value, Field.Store.NO));
    }
  }

  private static Set<String> distinct(Iterable<String> values) {
    Set<String> set = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        set.add(value);
      }
    }
    return set;
  }
}
