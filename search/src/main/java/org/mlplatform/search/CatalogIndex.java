package org.mlplatform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The catalogue's Lucene index in a folder of the data directory. Owns the single writer and the
 * single {@link SearcherManager}; a named daemon thread refreshes the searcher so that readers see
 * committed documents without reopening anything themselves.
 */
public final class CatalogIndex implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CatalogIndex.class.getName());
  private static final long REFRESH_MILLIS = 250;

  private final Path folder;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;

  private CatalogIndex(Path folder, Analyzer analyzer) throws IOException {
    this.folder = folder;
    this.directory = FSDirectory.open(folder);
    this.writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    writer.commit(); // a brand-new index must have a commit before a reader can open it
    this.searchers = new SearcherManager(writer, null);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mlp-index-refresh").daemon(true).factory());
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Opens the index in {@code folder}, creating the folder and an empty index when missing. */
  public static CatalogIndex open(Path folder) {
    try {
      Files.createDirectories(folder);
      return new CatalogIndex(folder, new StandardAnalyzer());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the catalogue index in " + folder, e);
    }
  }

  public Path folder() {
    return folder;
  }

  /** Documents visible to searchers now. */
  public int documentCount() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "catalogue index refresh failed; retrying", e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    try (directory;
        writer;
        searchers) {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the catalogue index", e);
    }
  }
}
