package org.mlplatform.domain.features.ingest;

import java.util.Objects;

/**
 * Something wrong with one uploaded row.
 *
 * @param rowNumber the data row as the user counts them, from 1; 0 for the CSV header or the upload
 *     as a whole
 * @param column the column at fault, or {@code null} when the row as a whole is
 */
public record RowProblem(int rowNumber, String column, String message) {

  public RowProblem {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "row " + rowNumber + (column == null ? "" : ", column " + column) + ": " + message;
  }
}
