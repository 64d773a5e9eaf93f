package org.mlplatform.domain.features.training;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.AsOfJoin;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ingest.RowsRejectedException;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.training.TrainingColumn.Role;
import org.mlplatform.domain.features.training.TrainingSetPlan.Requested;
import org.mlplatform.domain.features.training.TrainingSetPlan.ViewPart;

/**
 * Builds a point-in-time correct training set: for each entity row and each view, the view's latest
 * record at or before the row's moment and within its TTL ({@link AsOfJoin}), then the derived
 * features from those values and the row's request data. Rows come out in the order given.
 *
 * <p>Memory holds the entity rows and one matched record per row and view, never a view's history.
 */
public final class TrainingSetBuilder {

  /**
   * Above this many entities a build has the store make its index of a view when it has none: a
   * read of the whole view, costing about what reading the rows of that many entities costs, after
   * which this build and the next ones look rows up. Fewer entities use an index only if one is
   * current.
   */
  static final int INDEX_WORTH_MAKING = 10_000;

  private final OfflineStore store;
  private final int keyedScanLimit;
  private final Executor executor;

  /**
   * @param keyedScanLimit up to this many distinct entities the store is asked for just their rows;
   *     above it a full scan is cheaper than shipping the keys to the database
   */
  public TrainingSetBuilder(OfflineStore store, int keyedScanLimit) {
    this(store, keyedScanLimit, null);
  }

  /**
   * A builder that reads and joins the views concurrently, one task per view on {@code executor}
   * (in an application server, a managed executor): the database and the join then work at the same
   * time instead of taking turns. The store must allow concurrent reads. Rows, columns and progress
   * are as with one thread; the sink is still called from the building thread only.
   *
   * @param executor runs the per-view reads; null reads the views one after the other
   */
  public TrainingSetBuilder(OfflineStore store, int keyedScanLimit, Executor executor) {
    this.store = store;
    this.keyedScanLimit = keyedScanLimit;
    this.executor = executor;
  }

  public TrainingSetBuilder(OfflineStore store) {
    this(store, 50_000);
  }

  /**
   * Builds the training set into {@code sink}.
   *
   * @param progress told the share done, from 0 to 1
   * @return the columns written
   * @throws DomainValidationException when the entity rows lack a column the plan needs, or a
   *     {@link RowsRejectedException} listing rows whose keys or request data do not fit
   */
  public List<TrainingColumn> build(
      TrainingSetPlan plan, EntityRows rows, TrainingSetSink sink, DoubleConsumer progress) {
    return build(prepare(plan, rows), sink, progress);
  }

  /**
   * Checks entity rows against a plan and types their columns: what can be refused is refused here,
   * so a caller can answer 400 before queueing the (long) build.
   *
   * @throws DomainValidationException when a needed column is missing or clashes with a feature
   *     column, or a {@link RowsRejectedException} listing rows whose keys or request data do not
   *     fit
   */
  public static Prepared prepare(TrainingSetPlan plan, EntityRows rows) {
    SpineColumns spine = SpineColumns.of(plan, rows);
    return new Prepared(plan, rows, spine, columns(plan, spine));
  }

  /** Entity rows checked against a plan, ready to build. */
  public static final class Prepared {
    private final TrainingSetPlan plan;
    private final EntityRows rows;
    private final SpineColumns spine;
    private final List<TrainingColumn> columns;

    private Prepared(
        TrainingSetPlan plan, EntityRows rows, SpineColumns spine, List<TrainingColumn> columns) {
      this.plan = plan;
      this.rows = rows;
      this.spine = spine;
      this.columns = columns;
    }

    /** The columns the training set will have. */
    public List<TrainingColumn> columns() {
      return columns;
    }

    public EntityRows rows() {
      return rows;
    }
  }

  /**
   * Builds prepared rows into {@code sink}; see {@link #build(TrainingSetPlan, EntityRows,
   * TrainingSetSink, DoubleConsumer)}.
   */
  public List<TrainingColumn> build(
      Prepared prepared, TrainingSetSink sink, DoubleConsumer progress) {
    TrainingSetPlan plan = prepared.plan;
    EntityRows rows = prepared.rows;
    SpineColumns spine = prepared.spine;
    List<TrainingColumn> columns = prepared.columns;
    int parts = plan.parts().size();
    Instant earliest = earliest(rows);
    Instant latest = latest(rows);
    // Views keyed by the same entity rows' columns share one prepared join.
    Map<List<Integer>, AsOfJoin> joins = new HashMap<>();
    List<AsOfJoin> joinOf = new ArrayList<>(parts);
    for (ViewPart part : plan.parts()) {
      joinOf.add(
          joins.computeIfAbsent(spine.keyColumns(part), k -> prepareJoin(part, spine, rows)));
    }
    List<Observation[]> matches = new ArrayList<>();
    if (executor == null) {
      for (int p = 0; p < parts; p++) {
        matches.add(join(plan.parts().get(p), joinOf.get(p), earliest, latest));
        progress.accept(0.8 * (p + 1) / parts);
      }
    } else {
      List<CompletableFuture<Observation[]>> tasks = new ArrayList<>(parts);
      for (int p = 0; p < parts; p++) {
        ViewPart part = plan.parts().get(p);
        AsOfJoin join = joinOf.get(p);
        tasks.add(
            CompletableFuture.supplyAsync(() -> join(part, join, earliest, latest), executor));
      }
      for (int p = 0; p < parts; p++) {
        matches.add(await(tasks, p));
        progress.accept(0.8 * (p + 1) / parts);
      }
    }
    write(plan, spine, rows, matches, columns.size(), sink, columns, progress);
    progress.accept(1.0);
    return columns;
  }

  private static Instant earliest(EntityRows rows) {
    Instant earliest = Instant.MAX;
    for (int r = 0; r < rows.size(); r++) {
      earliest = rows.time(r).isBefore(earliest) ? rows.time(r) : earliest;
    }
    return earliest;
  }

  private static Instant latest(EntityRows rows) {
    Instant latest = Instant.MIN;
    for (int r = 0; r < rows.size(); r++) {
      latest = rows.time(r).isAfter(latest) ? rows.time(r) : latest;
    }
    return latest;
  }

  private static AsOfJoin prepareJoin(ViewPart part, SpineColumns spine, EntityRows rows) {
    List<AsOfJoin.Query> queries = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      queries.add(new AsOfJoin.Query(spine.key(part, r), rows.time(r)));
    }
    return new AsOfJoin(queries);
  }

  /**
   * Looks the rows up in the store's index of the view when it has a current one. Otherwise reads
   * only what can match: nothing after the last entity row, with a TTL nothing older than the TTL
   * before the first one, and the values only of rows that the join takes at that moment.
   */
  private Observation[] join(ViewPart part, AsOfJoin join, Instant earliest, Instant latest) {
    Set<EntityKey> keys = join.keys();
    Duration ttl = part.view().ttl();
    boolean keyed = keys.size() <= keyedScanLimit;
    Optional<HistoryIndex> index =
        store.history(part.table(), !keyed || keys.size() > INDEX_WORTH_MAKING);
    if (index.isPresent()) {
      return join.lookUp(index.get(), ttl);
    }
    Instant from = ttl.isZero() ? Instant.MIN : minusOrMin(earliest, ttl);
    AsOfJoin.Run run = join.start(ttl);
    try (CloseableIterator<Observation> observations =
        keyed
            ? store.scanRange(part.table(), keys, from, latest, run)
            : store.scanRange(part.table(), from, latest, run)) {
      observations.forEachRemaining(run::accept);
    }
    return run.finish();
  }

  private static Instant minusOrMin(Instant time, Duration amount) {
    try {
      return time.minus(amount);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MIN;
    }
  }

  /**
   * The result of task {@code p}, its failure rethrown as it was thrown. On a failure the tasks not
   * yet started are cancelled; a running one finishes its read in the background and closes its
   * cursor.
   */
  private static Observation[] await(List<CompletableFuture<Observation[]>> tasks, int p) {
    try {
      return tasks.get(p).join();
    } catch (CompletionException | CancellationException e) {
      tasks.forEach(t -> t.cancel(true));
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static void write(
      TrainingSetPlan plan,
      SpineColumns spine,
      EntityRows rows,
      List<Observation[]> matches,
      int width,
      TrainingSetSink sink,
      List<TrainingColumn> columns,
      DoubleConsumer progress) {
    sink.start(columns);
    int spineWidth = 1 + rows.columns().size();
    int step = Math.max(1, rows.size() / 20);
    for (int r = 0; r < rows.size(); r++) {
      Object[] out = new Object[width];
      out[0] = rows.time(r);
      for (int c = 0; c < rows.columns().size(); c++) {
        out[1 + c] = spine.value(r, c);
      }
      int column = spineWidth;
      for (int p = 0; p < plan.parts().size(); p++) {
        ViewPart part = plan.parts().get(p);
        Observation match = matches.get(p)[r];
        Object[] stored = match == null ? null : match.values();
        Object[] derived = null; // evaluated once per row and view, when first needed
        for (Requested requested : part.requested()) {
          if (requested.storedIndex() >= 0) {
            out[column] = stored == null ? null : stored[requested.storedIndex()];
          } else {
            if (derived == null) {
              final int row = r;
              derived = part.derived().evaluate(stored, name -> spine.request(row, name));
            }
            out[column] = derived[requested.derivedIndex()];
          }
          column++;
        }
      }
      sink.row(out);
      if (r % step == 0) {
        progress.accept(0.8 + 0.2 * r / rows.size());
      }
    }
  }

  /** Columns: event time, the entity rows' columns, then the features by view as planned. */
  private static List<TrainingColumn> columns(TrainingSetPlan plan, SpineColumns spine) {
    List<TrainingColumn> columns = new ArrayList<>();
    columns.add(
        new TrainingColumn(
            FeatureViewDefinition.EVENT_TIMESTAMP,
            FeatureType.TIMESTAMP,
            Role.EVENT_TIMESTAMP,
            null));
    columns.addAll(spine.columns());
    Set<String> names = new HashSet<>();
    columns.forEach(c -> names.add(c.name()));
    for (ViewPart part : plan.parts()) {
      for (Requested requested : part.requested()) {
        String name = requested.ref().columnName();
        if (!names.add(name)) {
          throw new DomainValidationException(
              "entity_rows", "column " + name + " clashes with the feature column of that name");
        }
        columns.add(
            new TrainingColumn(name, requested.type(), Role.FEATURE, requested.ref().toString()));
      }
    }
    return columns;
  }
}
