package org.mlplatform.portal.monitoring;

import java.util.List;

/**
 * Reference and current values of one column side by side, as shares per bin, for an overlaid
 * chart: equal-width bins over both samples' finite range for numbers, one bin per category (the
 * most frequent, then "other") for labels.
 *
 * @param bins the bins' labels, in order
 * @param reference the share of reference values per bin
 * @param current the share of current values per bin
 */
public record Distribution(
    String column, List<String> bins, List<Double> reference, List<Double> current) {

  public Distribution {
    bins = List.copyOf(bins);
    reference = List.copyOf(reference);
    current = List.copyOf(current);
  }
}
