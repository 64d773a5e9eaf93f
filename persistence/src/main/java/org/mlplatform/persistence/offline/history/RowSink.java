package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import org.mlplatform.domain.features.EntityKey;

/**
 * Where a reader of a table hands each stored row for a copy, field by field in stored order (the
 * row's key and event time, then each feature's value or null), without building objects for the
 * values.
 */
public interface RowSink {

  /**
   * Starts a row; its features follow, one call each.
   *
   * @return false, taking nothing, when the copy is full: the reader stops
   */
  boolean startRow(EntityKey key, long eventMicros) throws IOException;

  void putNull() throws IOException;

  void putInt(int value) throws IOException;

  void putLong(long value) throws IOException;

  void putFloat(float value) throws IOException;

  void putDouble(double value) throws IOException;

  void putBool(boolean value) throws IOException;

  /** A TIMESTAMP value, in microseconds since the epoch. */
  void putMicros(long value) throws IOException;

  /** A STRING value, as UTF-8 bytes. */
  void putUtf8(byte[] bytes, int offset, int length) throws IOException;
}
