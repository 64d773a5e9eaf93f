package org.mlplatform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Whether a word occurs in the index, as a name word or a description word: one terms-dictionary
 * lookup per segment. A word the catalogue contains is not treated as a typo.
 */
@FunctionalInterface
interface KnownWords {

  /** For queries built without an index at hand: every word counts as known. */
  KnownWords ALL = (field, word) -> true;

  boolean contains(String field, String word);

  /** Looks words up in {@code reader} (deleted documents included: only a hint for typos). */
  static KnownWords of(IndexReader reader) {
    return (field, word) -> {
      try {
        BytesRef term = new BytesRef(word);
        for (LeafReaderContext leaf : reader.leaves()) {
          Terms terms = leaf.reader().terms(field);
          if (terms != null) {
            TermsEnum iterator = terms.iterator();
            if (iterator.seekExact(term)) {
              return true;
            }
          }
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("reading the index's terms", e);
      }
    };
  }
}
