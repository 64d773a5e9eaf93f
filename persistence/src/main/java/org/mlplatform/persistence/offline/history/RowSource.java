package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Supplier;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.offline.CloseableIterator;

/** Reads every stored row of a table into a {@link RowSink}, for a copy. */
@FunctionalInterface
public interface RowSource {

  /**
   * @return false when the sink was full before the last row
   */
  boolean copyTo(RowSink sink) throws IOException;

  /** A source reading observations: for stores that hand rows out as objects. */
  static RowSource of(Supplier<CloseableIterator<Observation>> rows) {
    return sink -> {
      try (CloseableIterator<Observation> cursor = rows.get()) {
        return copy(cursor, sink);
      }
    };
  }

  private static boolean copy(Iterator<Observation> rows, RowSink sink) throws IOException {
    while (rows.hasNext()) {
      Observation row = rows.next();
      if (!sink.startRow(row.key(), HistoryLayout.micros(row.eventTime()))) {
        return false;
      }
      for (Object value : row.values()) {
        switch (value) {
          case null -> sink.putNull();
          case Integer i -> sink.putInt(i);
          case Long l -> sink.putLong(l);
          case Float f -> sink.putFloat(f);
          case Double d -> sink.putDouble(d);
          case Boolean b -> sink.putBool(b);
          case Instant t -> sink.putMicros(HistoryLayout.micros(t));
          case String s -> {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            sink.putUtf8(bytes, 0, bytes.length);
          }
          default ->
              throw new IllegalArgumentException(
                  "a stored value of type " + value.getClass().getSimpleName());
        }
      }
    }
    return true;
  }
}
