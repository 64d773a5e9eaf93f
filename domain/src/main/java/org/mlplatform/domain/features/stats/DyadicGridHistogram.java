package org.mlplatform.domain.features.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact histogram counts in one pass over more values than can be kept, although the final bins
 * depend on a min and max known only at the end.
 *
 * <p>Values are counted in {@value #CELLS} fine cells {@code [k * width, (k + 1) * width)} with a
 * power-of-two width, so {@code value / width} is exact and every cell edge is a representable
 * number. When a value falls outside the window the width doubles and neighbouring cells merge,
 * which loses nothing. At the end, whole cells are grouped into about twenty equal-width bins:
 * counts stay exact and re-binning data against the reported edges reproduces them.
 */
final class DyadicGridHistogram {

  static final int CELLS = 1 << 14;

  /** Cell indexes stay below 2^52 so all index arithmetic on doubles is exact. */
  private static final double MAX_CELL_INDEX = 0x1p52;

  private long[] counts = new long[CELLS];
  private double cellWidth;
  private double firstCell;
  private double lowestCell;
  private double highestCell;
  private boolean empty = true;

  /** A grid fine enough to resolve the values seen so far, {@code min} to {@code max}. */
  DyadicGridHistogram(double min, double max) {
    double wanted =
        Math.max(
            max / CELLS - min / CELLS, Math.max(Math.abs(min), Math.abs(max)) / MAX_CELL_INDEX);
    double width = Double.MIN_VALUE;
    while (width < wanted) {
      width *= 2;
    }
    cellWidth = width;
  }

  void add(double value) {
    double cell = Math.floor(value / cellWidth);
    while (!fits(cell)) {
      coarsen();
      cell = Math.floor(value / cellWidth);
    }
    if (empty) {
      empty = false;
      firstCell = cell;
      lowestCell = cell;
      highestCell = cell;
    } else {
      lowestCell = Math.min(lowestCell, cell);
      highestCell = Math.max(highestCell, cell);
      if (cell - firstCell < 0 || cell - firstCell >= CELLS) {
        recentre();
      }
    }
    counts[(int) (cell - firstCell)]++;
  }

  private boolean fits(double cell) {
    if (!(Math.abs(cell) <= MAX_CELL_INDEX)) {
      return false;
    }
    return empty || Math.max(highestCell, cell) - Math.min(lowestCell, cell) < CELLS;
  }

  /** Doubles the cell width, merging each pair of neighbouring cells. */
  private void coarsen() {
    cellWidth *= 2;
    if (empty) {
      return;
    }
    double mergedFirst = Math.floor(firstCell / 2);
    long[] merged = new long[CELLS];
    for (int i = 0; i < CELLS; i++) {
      if (counts[i] != 0) {
        merged[(int) (Math.floor((firstCell + i) / 2) - mergedFirst)] += counts[i];
      }
    }
    counts = merged;
    firstCell = mergedFirst;
    lowestCell = Math.floor(lowestCell / 2);
    highestCell = Math.floor(highestCell / 2);
  }

  /** Moves the window so the occupied cells sit in its middle, leaving room on both sides. */
  private void recentre() {
    double occupied = highestCell - lowestCell + 1;
    double centredFirst = lowestCell - Math.floor((CELLS - occupied) / 2);
    long[] moved = new long[CELLS];
    for (int i = 0; i < CELLS; i++) {
      if (counts[i] != 0) {
        moved[(int) (firstCell + i - centredFirst)] = counts[i];
      }
    }
    counts = moved;
    firstCell = centredFirst;
  }

  /**
   * About {@code binCount} bins of whole cells; the first starts at {@code min} and the last ends
   * at {@code max} (the extreme values, inside the first and last cell), which changes no count.
   */
  List<HistogramBin> bins(int binCount, double min, double max) {
    long occupied = (long) (highestCell - lowestCell) + 1;
    long cellsPerBin = Math.ceilDiv(occupied, binCount);
    int bins = (int) Math.ceilDiv(occupied, cellsPerBin);
    int offset = (int) (lowestCell - firstCell);
    List<HistogramBin> histogram = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      long fromCell = b * cellsPerBin;
      long toCell = Math.min(fromCell + cellsPerBin, occupied);
      long count = 0;
      for (long c = fromCell; c < toCell; c++) {
        count += counts[(int) (offset + c)];
      }
      double lower = b == 0 ? min : (lowestCell + fromCell) * cellWidth;
      double upper = b == bins - 1 ? max : (lowestCell + toCell) * cellWidth;
      histogram.add(new HistogramBin(lower, upper, count));
    }
    return histogram;
  }
}
