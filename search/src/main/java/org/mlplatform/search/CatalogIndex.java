package org.mlplatform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The catalogue's Lucene index in a folder of the data directory.
 *
 * <p>Lifecycle: one {@link IndexWriter} and one {@link SearcherManager} per folder (Lucene's write
 * lock refuses a second instance on the same folder, even from another process). Every query
 * acquires a searcher and releases it in {@code finally}. Every write refreshes the searcher before
 * returning ({@code maybeRefreshBlocking}, cheap with near-real-time readers), so a search right
 * after {@link #upsert} sees the change. A named daemon thread refreshes every 250 ms (to pick up
 * merges) and commits to disk at most a second after a change: an fsync took up to 1.5 s on a busy
 * machine, too slow to wait for on every upsert, and the fingerprint (see below) is always
 * committed at once, so a change lost in a crash only costs a rebuild at the next start. {@link
 * #rebuild}, {@link #markCurrent} and {@link #close} commit before returning. Writes are serialised
 * by a lock so that a rebuild never interleaves with an upsert.
 *
 * <p>Thread-safety: all methods may be called from any thread. {@link #close()} must be called once
 * at shutdown, after which no method may be called.
 *
 * <p>Freshness: {@link #markCurrent} stores a fingerprint of the catalogue (with {@link
 * #SCHEMA_VERSION}) in the commit's user data; at start {@link #isCurrent} tells whether the index
 * matches the catalogue or needs a {@link #rebuild}. An index Lucene cannot read (corrupt, or from
 * an incompatible version) is replaced by an empty one, which is then not current.
 */
public final class CatalogIndex implements AutoCloseable {

  /**
   * Version of the fields and analysis. Bump it when they change: every stored fingerprint stops
   * matching and the portal rebuilds at its next start.
   */
  public static final int SCHEMA_VERSION = 1;

  private static final Logger LOG = Logger.getLogger(CatalogIndex.class.getName());
  private static final long REFRESH_MILLIS = 250;
  private static final long COMMIT_MILLIS = 1_000;
  private static final String FINGERPRINT = "mlp.catalogue.fingerprint";

  /** Marks the documents of a rebuild; the others are deleted at its end. */
  private static final String REBUILD = "rebuild";

  private static final Set<String> HIT_FIELDS =
      Set.of(Fields.ID, Fields.TYPE, Fields.NAME, Fields.LINK, Fields.DESCRIPTION);

  /** Deepest page a search may ask for, in documents: deeper paging is not a catalogue use. */
  static final int MAX_WINDOW = 10_000;

  private final Path folder;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final NameSuggester suggester;
  private final CatalogQueries queries;
  private final Snippets snippets;
  private final ScheduledExecutorService refresher;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();

  private CatalogIndex(
      Path folder, FSDirectory directory, IndexWriter writer, NameSuggester suggester)
      throws IOException {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    Analyzer analyzer = writer.getAnalyzer();
    this.queries = new CatalogQueries(analyzer);
    this.snippets = new Snippets(analyzer);
    this.suggester = suggester;
    this.searchers = new SearcherManager(writer, suggester);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mlp-index-refresh").daemon(true).factory());
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    refresher.scheduleWithFixedDelay(
        this::commitQuietly, COMMIT_MILLIS, COMMIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the index in {@code folder}, creating the folder and an empty index when missing, and
   * replacing an index Lucene cannot read with an empty one.
   */
  public static CatalogIndex open(Path folder) {
    FSDirectory directory = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(folder);
      directory = FSDirectory.open(folder);
      NameSuggester suggester = new NameSuggester();
      writer = openWriter(directory, folder, suggester);
      writer.commit(); // a brand-new index must have a commit before a reader can open it
      return new CatalogIndex(folder, directory, writer, suggester);
    } catch (IOException | RuntimeException e) {
      // Release the folder's write lock, or the next attempt fails on the lock instead.
      closeQuietly(writer);
      closeQuietly(directory);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(
          "cannot open the catalogue index in " + folder, (IOException) e);
    }
  }

  private static IndexWriter openWriter(FSDirectory directory, Path folder, NameSuggester suggester)
      throws IOException {
    try {
      return new IndexWriter(directory, config(OpenMode.CREATE_OR_APPEND, suggester));
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      // The index is derived data: start empty, the portal sees it is not current and rebuilds.
      // CREATE still reads the old commit to continue its generation: remove the files first.
      LOG.log(Level.WARNING, "unreadable catalogue index in " + folder + "; starting empty", e);
      for (String file : directory.listAll()) {
        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(file);
        }
      }
      return new IndexWriter(directory, config(OpenMode.CREATE, suggester));
    }
  }

  private static IndexWriterConfig config(OpenMode mode, NameSuggester suggester) {
    return new IndexWriterConfig(CatalogAnalyzers.perField())
        .setOpenMode(mode)
        .setMergedSegmentWarmer(suggester::warm)
        // A rebuild of 100,000 documents flushes a few large segments instead of many small ones.
        .setRAMBufferSizeMB(32);
  }

  public Path folder() {
    return folder;
  }

  /** Documents visible to searchers now. */
  public int documentCount() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /**
   * Adds the documents, replacing any with the same id; visible to searches on return, on disk
   * within a second.
   */
  public void upsert(List<CatalogDocument> documents) {
    write(
        false,
        () -> {
          for (CatalogDocument doc : documents) {
            writer.updateDocument(LuceneDocuments.idTerm(doc.id()), LuceneDocuments.toLucene(doc));
          }
        });
  }

  /** Deletes the documents with these ids (unknown ids are ignored). */
  public void delete(List<String> ids) {
    Term[] terms = ids.stream().map(LuceneDocuments::idTerm).toArray(Term[]::new);
    write(false, () -> writer.deleteDocuments(terms));
  }

  /**
   * Deletes every document whose id starts with {@code idPrefix}, e.g. all features of a view with
   * {@code feature:txn_stats:}.
   *
   * @throws IllegalArgumentException for a blank prefix, which would delete everything
   */
  public void deleteWhere(String idPrefix) {
    if (idPrefix == null || idPrefix.isBlank()) {
      throw new IllegalArgumentException("a blank id prefix would delete the whole index");
    }
    write(false, () -> writer.deleteDocuments(new PrefixQuery(new Term(Fields.ID, idPrefix))));
  }

  /**
   * Replaces everything with {@code all} and commits; forgets the fingerprint first (call {@link
   * #markCurrent} afterwards). Each document is upserted with a rebuild marker and the unmarked
   * ones are deleted at the end, so a failure half-way (say, the catalogue query throws) or a
   * background commit meanwhile leaves a consistent index of old and new documents, never a
   * half-empty one.
   */
  public void rebuild(Iterable<CatalogDocument> all) {
    String marker = UUID.randomUUID().toString();
    write(
        true,
        () -> {
          writer.setLiveCommitData(Map.<String, String>of().entrySet());
          // An empty index (the usual case at start) needs no delete-by-id per document.
          boolean empty = writer.getDocStats().numDocs == 0;
          for (CatalogDocument doc : all) {
            Document lucene = LuceneDocuments.toLucene(doc);
            lucene.add(new StringField(REBUILD, marker, Field.Store.NO));
            if (empty) {
              writer.addDocument(lucene);
            } else {
              writer.updateDocument(LuceneDocuments.idTerm(doc.id()), lucene);
            }
          }
          writer.deleteDocuments(
              new BooleanQuery.Builder()
                  .add(new MatchAllDocsQuery(), Occur.MUST)
                  .add(new TermQuery(new Term(REBUILD, marker)), Occur.MUST_NOT)
                  .build());
        });
  }

  /** Whether the index was marked with this fingerprint under the current schema version. */
  public boolean isCurrent(String fingerprint) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (entry.getKey().equals(FINGERPRINT)) {
          return entry.getValue().equals(stamp(fingerprint));
        }
      }
    }
    return false;
  }

  /** Records (and commits) that the index now matches the catalogue with this fingerprint. */
  public void markCurrent(String fingerprint) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    write(true, () -> writer.setLiveCommitData(Map.of(FINGERPRINT, stamp(fingerprint)).entrySet()));
  }

  private static String stamp(String fingerprint) {
    return SCHEMA_VERSION + ":" + fingerprint;
  }

  /**
   * Runs a search.
   *
   * @throws InvalidQueryException when the text cannot be parsed, expands past the clause limit, or
   *     asks for a page deeper than {@value #MAX_WINDOW} documents
   */
  public SearchResult search(SearchQuery query) {
    long start = System.nanoTime();
    long window = (long) (query.page() + 1) * query.size();
    if (window > MAX_WINDOW) {
      throw new InvalidQueryException(
          "page " + query.page() + " is too deep: at most the first " + MAX_WINDOW + " hits");
    }
    return withSearcher(
        searcher -> {
          try {
            Query text = queries.text(query, KnownWords.of(searcher.getIndexReader()));
            Query filtered = queries.filtered(text, query);
            return run(searcher, query, text, filtered, (int) window, start);
          } catch (IndexSearcher.TooManyClauses e) {
            throw CatalogQueries.tooManyClauses(e);
          } catch (TooComplexToDeterminizeException e) {
            throw AdvancedQuery.tooComplex(e);
          }
        });
  }

  private SearchResult run(
      IndexSearcher searcher, SearchQuery query, Query text, Query filtered, int window, long start)
      throws IOException {
    TopFieldCollectorManager top =
        new TopFieldCollectorManager(CatalogQueries.sort(query), window, null, Integer.MAX_VALUE);
    Object[] results =
        searcher.search(filtered, new MultiCollectorManager(top, new FacetCounter()));
    TopFieldDocs docs = (TopFieldDocs) results[0];
    FacetCounter.Result facets = (FacetCounter.Result) results[1];
    int from = Math.min(query.page() * query.size(), docs.scoreDocs.length);
    ScoreDoc[] page = Arrays.copyOfRange(docs.scoreDocs, from, docs.scoreDocs.length);
    Query highlight = queries.highlight(query, text);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (ScoreDoc hit : page) {
      Document doc = stored.document(hit.doc, HIT_FIELDS);
      String name = doc.get(Fields.NAME);
      hits.add(
          new SearchHit(
              doc.get(Fields.ID),
              DocumentType.fromKey(doc.get(Fields.TYPE)),
              name,
              doc.get(Fields.LINK),
              snippets.of(highlight, name, doc.get(Fields.DESCRIPTION)),
              hit.score));
    }
    long tookMicros = (System.nanoTime() - start) / 1_000;
    return new SearchResult(facets.total(), List.copyOf(hits), facets.facets(), tookMicros);
  }

  /**
   * Up to {@code limit} (at most 50) names with a word starting with {@code prefix}: names starting
   * with it first, then shorter names, then alphabetical. Blank input gives an empty list.
   */
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix == null || prefix.length() > FreeTextQuery.MAX_CHARS) {
      return List.of();
    }
    return withSearcher(searcher -> suggester.suggest(searcher, prefix, limit));
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the catalogue index in " + folder, e);
    }
  }

  private interface WriterWork {
    void run() throws IOException;
  }

  /**
   * Applies a change and makes it visible to the next search; commits it to disk now when {@code
   * durable}, else within a second.
   */
  private void write(boolean durable, WriterWork work) {
    writeLock.lock();
    try {
      work.run();
      if (durable) {
        writer.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the catalogue index in " + folder, e);
    } finally {
      // Also after a failure: searches then show what the writer holds (see rebuild).
      try {
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "refreshing the catalogue searcher failed", e);
      } finally {
        writeLock.unlock();
      }
    }
  }

  /**
   * Without the write lock, so that an upsert never waits for an fsync: Lucene commits a consistent
   * point in time while other threads write, and even a rebuild half-way is consistent (see {@link
   * #rebuild}).
   */
  private void commitQuietly() {
    try {
      if (writer.hasUncommittedChanges()) {
        writer.commit();
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "catalogue index commit failed; retrying", e);
    }
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "catalogue index refresh failed; retrying", e);
    }
  }

  /** Stops the refresher, commits and releases the folder's lock. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Not shutdownNow(): interrupting a thread in Lucene I/O closes the channel and the writer.
    // Shutting down cancels the periodic tasks; a running one is waited for.
    refresher.shutdown();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeLock.lock();
    try (directory;
        writer;
        searchers) {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the catalogue index", e);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "closing after a failed open", e);
      }
    }
  }
}
