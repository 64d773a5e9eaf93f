package org.mlplatform.domain.features.offline;

import java.time.Instant;
import org.mlplatform.domain.features.EntityKey;

/**
 * Tells a store, from a stored row's key and event time alone, whether the reader needs the row:
 * rows it does not need are skipped before their feature values are decoded.
 *
 * <p>A store asks about each row just before handing it out, after the reader has taken the row
 * before it, so the answer may depend on what the reader has seen so far.
 */
@FunctionalInterface
public interface RowFilter {

  /** Wants every row. */
  RowFilter ALL = (key, eventTime) -> true;

  boolean wants(EntityKey key, Instant eventTime);
}
