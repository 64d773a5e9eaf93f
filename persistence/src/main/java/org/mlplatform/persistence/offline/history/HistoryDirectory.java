package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The node's copies of offline tables, under one root: {@code <root>/<table>/<stamp>/}, the stamp
 * being the table's at the time of the copy. A copy is built in a {@code .building-} directory and
 * renamed into place when complete, so a crash leaves no half copy where a reader would look; the
 * copy of an older stamp is deleted once a newer one is in place.
 *
 * <p>Failing to make or read a copy is never an error for the caller: it gets no index and scans
 * the database as it would without copies. Thread-safe; one copy of a table is built at a time.
 */
public final class HistoryDirectory {

  private static final Logger LOG = Logger.getLogger(HistoryDirectory.class.getName());
  private static final String BUILDING = ".building-";

  private final Path root;
  private final int maxRows;
  private final Executor remaker;
  private final Set<String> remaking = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Current> current = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> buildLocks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> tooLargeAt = new ConcurrentHashMap<>();

  /**
   * The mapped copy of a table, softly held: its entity index is on the heap, and under memory
   * pressure it is dropped and mapped again from disk when next needed.
   */
  private record Current(long stamp, SoftReference<MappedHistory> history) {
    Current(long stamp, MappedHistory history) {
      this(stamp, new SoftReference<>(history));
    }
  }

  /**
   * A directory whose copies are made only by the builds that need them.
   *
   * @param maxRows tables with more rows than this are not copied (their builds scan instead)
   */
  public HistoryDirectory(Path root, int maxRows) {
    this(root, maxRows, null);
  }

  /**
   * A directory that also remakes a copy on {@code remaker} after a write to its table ({@link
   * #afterWrite}), so the next build finds it current.
   *
   * @param remaker runs the remakes (in an application server, a managed executor); null for none
   */
  public HistoryDirectory(Path root, int maxRows, Executor remaker) {
    this.root = root;
    this.maxRows = maxRows;
    this.remaker = remaker;
    try {
      Files.createDirectories(root);
      deleteUnfinished();
    } catch (IOException e) { // copies only speed builds up: they read the database instead
      LOG.warning("training sets read the database: cannot create " + root + ": " + e);
    }
  }

  /**
   * Called after a write to the table has committed: when this node keeps a copy of it (training
   * sets read it), runs {@code remake} in the background to copy the new state. Writes in quick
   * succession share a remake that has not started yet; a failed remake is logged, and the next
   * build makes the copy itself.
   */
  public void afterWrite(OfflineTable table, Runnable remake) {
    String name = table.tableName();
    if (remaker == null || !current.containsKey(name) || !remaking.add(name)) {
      return;
    }
    try {
      remaker.execute(
          () -> {
            remaking.remove(name); // a write from now on asks for another remake
            try {
              remake.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "could not remake the copy of " + name + ": " + e);
            }
          });
    } catch (RejectedExecutionException e) {
      remaking.remove(name);
      LOG.log(Level.WARNING, "no thread to remake the copy of " + name + ": " + e.getMessage());
    }
  }

  /** The copy of the table at this stamp, if this node has it. */
  public Optional<HistoryIndex> current(OfflineTable table, long stamp) {
    Current known = current.get(table.tableName());
    MappedHistory mapped = known != null && known.stamp() == stamp ? known.history().get() : null;
    if (mapped != null) {
      return Optional.of(mapped);
    }
    Path dir = dir(table, stamp);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      MappedHistory opened = MappedHistory.open(dir, table, true);
      current.put(table.tableName(), new Current(stamp, opened));
      return Optional.of(opened);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "dropping the unreadable copy " + dir + ": " + e.getMessage());
      deleteTree(dir);
      return Optional.empty();
    }
  }

  /**
   * Copies the table from {@code rows} (every stored row) and returns the copy; empty when the
   * table has more than {@code maxRows} rows or the copy could not be written. The copy is kept for
   * later builds only when {@code unchanged} still holds after the read: no write committed between
   * reading the stamp and finishing the read.
   */
  public Optional<HistoryIndex> build(
      OfflineTable table, long stamp, RowSource rows, BooleanSupplier unchanged) {
    String name = table.tableName();
    synchronized (buildLocks.computeIfAbsent(name, k -> new Object())) {
      Optional<HistoryIndex> built = current(table, stamp); // by the build that held the lock
      if (built.isPresent() || Long.valueOf(stamp).equals(tooLargeAt.get(name))) {
        return built;
      }
      Path building = root.resolve(name).resolve(BUILDING + UUID.randomUUID());
      try {
        Files.createDirectories(building);
        long started = System.nanoTime();
        if (!copy(table, rows, building)) {
          tooLargeAt.put(name, stamp);
          return Optional.empty();
        }
        if (!unchanged.getAsBoolean()) {
          return Optional.of(MappedHistory.open(building, table, false)); // this build only
        }
        MappedHistory published = publish(table, stamp, building);
        LOG.info(
            () ->
                String.format(
                    "copied %s (%,d rows) in %d ms on %s",
                    name,
                    published.rows(),
                    (System.nanoTime() - started) / 1_000_000,
                    Thread.currentThread().getName()));
        return Optional.of(published);
      } catch (IOException | UncheckedIOException e) {
        LOG.log(Level.WARNING, "could not copy " + name + ", scanning instead: " + e.getMessage());
        return Optional.empty();
      } finally {
        deleteTree(building);
      }
    }
  }

  private boolean copy(OfflineTable table, RowSource rows, Path building) throws IOException {
    try (HistoryWriter writer = new HistoryWriter(building, table, maxRows)) {
      if (!rows.copyTo(writer)) {
        return false;
      }
      writer.finish();
      return true;
    }
  }

  /** Renames a complete copy into place, maps it, and deletes the table's older copies. */
  private MappedHistory publish(OfflineTable table, long stamp, Path building) throws IOException {
    Path target = dir(table, stamp);
    deleteTree(target); // only there if unreadable: current() found no copy to map
    Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    MappedHistory opened = MappedHistory.open(target, table, false);
    current.put(table.tableName(), new Current(stamp, opened));
    try (Stream<Path> copies = Files.list(root.resolve(table.tableName()))) {
      copies.filter(p -> !p.equals(target)).forEach(HistoryDirectory::deleteTree);
    }
    return opened;
  }

  private Path dir(OfflineTable table, long stamp) {
    return root.resolve(table.tableName()).resolve(HexFormat.of().toHexDigits(stamp));
  }

  /** Copies a crash interrupted: never complete, never read. */
  private void deleteUnfinished() {
    try (Stream<Path> tables = Files.list(root)) {
      tables
          .filter(Files::isDirectory)
          .forEach(
              table -> {
                try (Stream<Path> copies = Files.list(table)) {
                  copies
                      .filter(c -> c.getFileName().toString().startsWith(BUILDING))
                      .forEach(HistoryDirectory::deleteTree);
                } catch (IOException e) {
                  LOG.log(Level.WARNING, "cannot list " + table + ": " + e.getMessage());
                }
              });
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot list " + root + ": " + e.getMessage());
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + dir + ": " + e.getMessage());
    }
  }
}
