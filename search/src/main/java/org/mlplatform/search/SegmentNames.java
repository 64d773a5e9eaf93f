package org.mlplatform.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.MSBRadixSorter;

/**
 * The suggestion keys of one immutable segment, sorted: an entry is a document and the offset of
 * one of its words in its key, so a binary search finds every name with a word starting with what
 * was typed. Entries are packed into longs (document high, offset low) and compared through the
 * keys, so no substring is ever materialised. Deleted documents are skipped at query time with the
 * segment's live docs, which is why the structure can be cached for the segment's whole life.
 *
 * <p>A short prefix ({@code c}, {@code am}) matches a large share of the entries, and scanning its
 * range would cost milliseconds. So at build time every prefix whose range holds more than {@link
 * #SCAN_LIMIT} entries gets its best {@link NameSuggester#MAX_LIMIT} documents precomputed. There
 * are few such prefixes (per length at most entries / {@code SCAN_LIMIT}, since the ranges of one
 * length do not overlap). A query scans a small range or reads the precomputed list; only when
 * deletions have removed too many of that list does it scan the large range.
 *
 * <p>Built from doc values and sorted in place without boxing: a merged segment of 100,000 names is
 * ready in a few hundred milliseconds, and the refresh that first sees it waits for that.
 */
final class SegmentNames {

  /** Ranges up to this size are scanned; larger ones are served from the rank order. */
  static final int SCAN_LIMIT = 4_096;

  private final String[] keys;
  private final long[] entries;

  /** Per prefix with a large range, its best documents, packed as (doc, 0 for a whole name). */
  private final Map<String, long[]> bestOfLargeRanges;

  private SegmentNames(String[] keys, long[] entries) {
    this.keys = keys;
    this.entries = entries;
    this.bestOfLargeRanges = bestOfLargeRanges();
  }

  static SegmentNames build(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    String[] keys = new String[maxDoc];
    long[] entries = new long[Math.max(16, maxDoc * 4)];
    int count = 0;
    BinaryDocValues names = DocValues.getBinary(reader, Fields.NAME_VALUE);
    for (int doc = names.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = names.nextDoc()) {
      SuggestionKeys.Key key = SuggestionKeys.of(names.binaryValue().utf8ToString());
      keys[doc] = key.text();
      for (int start : key.wordStarts()) {
        if (count == entries.length) {
          entries = Arrays.copyOf(entries, count * 2);
        }
        entries[count++] = ((long) doc << 32) | start;
      }
    }
    long[] sorted = Arrays.copyOf(entries, count);
    int longest = Arrays.stream(keys).mapToInt(k -> k == null ? 0 : k.length()).max().orElse(0);
    new EntrySorter(keys, sorted, longest).sort(0, sorted.length);
    return new SegmentNames(keys, sorted);
  }

  private Map<String, long[]> bestOfLargeRanges() {
    Map<String, long[]> best = new HashMap<>();
    addLargeRanges(0, entries.length, 1, best);
    return best;
  }

  /**
   * Splits {@code [from, to)}, whose entries share their first {@code length - 1} characters, into
   * runs sharing {@code length}; each large run gets its best documents and is split further.
   */
  private void addLargeRanges(int from, int to, int length, Map<String, long[]> best) {
    int i = from;
    while (i < to) {
      String key = keys[doc(entries[i])];
      int offset = offset(entries[i]);
      if (key.length() - offset < length) {
        i++;
        continue;
      }
      String prefix = key.substring(offset, offset + length);
      int end = i + 1;
      while (end < to && keys[doc(entries[end])].startsWith(prefix, offset(entries[end]))) {
        end++;
      }
      if (end - i > SCAN_LIMIT) {
        best.put(prefix, best(i, end));
        addLargeRanges(i, end, length + 1, best);
      }
      i = end;
    }
  }

  private long[] best(int from, int to) {
    BestNames best = new BestNames(NameSuggester.MAX_LIMIT);
    for (int i = from; i < to; i++) {
      best.offer(doc(entries[i]), keys[doc(entries[i])], offset(entries[i]) == 0);
    }
    return best.best().stream()
        .mapToLong(c -> ((long) c.doc() << 32) | (c.wholeName() ? 0 : 1))
        .toArray();
  }

  /**
   * Offers to {@code best} the live documents with a word starting with {@code prefix}: all of
   * them, or for a large range the best {@code limit} of this segment.
   */
  void collect(String prefix, Bits liveDocs, int docBase, int limit, BestNames best) {
    int from = firstAtLeast(prefix, false);
    int to = firstAtLeast(prefix, true);
    long[] precomputed = to - from > SCAN_LIMIT ? bestOfLargeRanges.get(prefix) : null;
    if (precomputed != null) {
      int live = 0;
      for (long entry : precomputed) {
        if (offer(entry, liveDocs, docBase, best)) {
          live++;
        }
      }
      if (live >= limit) {
        return;
      }
      // Deletions took too many of the precomputed best: fall back to the whole range.
    }
    for (int i = from; i < to; i++) {
      offer(entries[i], liveDocs, docBase, best);
    }
  }

  private boolean offer(long entry, Bits liveDocs, int docBase, BestNames best) {
    int doc = doc(entry);
    if (liveDocs != null && !liveDocs.get(doc)) {
      return false;
    }
    best.offer(docBase + doc, keys[doc], offset(entry) == 0);
    return true;
  }

  /**
   * The first entry at least {@code prefix}; with {@code past}, the first entry after all those
   * starting with it.
   */
  private int firstAtLeast(String prefix, boolean past) {
    int low = 0;
    int high = entries.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      String key = keys[doc(entries[mid])];
      int offset = offset(entries[mid]);
      boolean before =
          past
              ? key.startsWith(prefix, offset) || compare(key, offset, prefix, 0) < 0
              : compare(key, offset, prefix, 0) < 0;
      if (before) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * {@code a} from {@code offA} against {@code b} from {@code offB}, as {@link String#compareTo}.
   */
  private static int compare(String a, int offA, String b, int offB) {
    int length = Math.min(a.length() - offA, b.length() - offB);
    for (int i = 0; i < length; i++) {
      int diff = a.charAt(offA + i) - b.charAt(offB + i);
      if (diff != 0) {
        return diff;
      }
    }
    return (a.length() - offA) - (b.length() - offB);
  }

  private static int doc(long entry) {
    return (int) (entry >>> 32);
  }

  private static int offset(long entry) {
    return (int) entry;
  }

  /**
   * Lucene's most-significant-byte radix sort over the packed entries, ordered by the key suffix
   * each points at. Names share long prefixes ({@code card spend 12 amount avg …}), which a
   * comparison sort compares again and again; the radix sort looks at each character once. A char
   * is two bytes, high first, so the order is exactly {@link String#compareTo}'s.
   */
  private static final class EntrySorter extends MSBRadixSorter {
    private final String[] keys;
    private final long[] entries;

    EntrySorter(String[] keys, long[] entries, int longestKey) {
      super(Math.max(1, longestKey * 2));
      this.keys = keys;
      this.entries = entries;
    }

    @Override
    protected void swap(int i, int j) {
      long tmp = entries[i];
      entries[i] = entries[j];
      entries[j] = tmp;
    }

    @Override
    protected int byteAt(int i, int k) {
      String key = keys[doc(entries[i])];
      int at = offset(entries[i]) + (k >> 1);
      if (at >= key.length()) {
        return -1;
      }
      char c = key.charAt(at);
      return (k & 1) == 0 ? c >>> 8 : c & 0xFF;
    }
  }
}
