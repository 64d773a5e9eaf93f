package org.mlplatform.persistence.offline;

import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;

/** Guards against rows built for another view version, which would land in the wrong columns. */
final class RowShape {

  private RowShape() {}

  static void check(OfflineTable table, FeatureRow row) {
    if (row.key().values().size() != table.joinKeys().size()
        || row.valueCount() != table.features().size()) {
      throw new IllegalArgumentException(
          "a row of "
              + row.key().values().size()
              + " key and "
              + row.valueCount()
              + " feature values does not fit "
              + table.tableName()
              + " ("
              + table.joinKeys().size()
              + " keys, "
              + table.features().size()
              + " features)");
    }
  }
}
