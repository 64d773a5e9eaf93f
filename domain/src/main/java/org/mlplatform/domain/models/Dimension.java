package org.mlplatform.domain.models;

/**
 * One axis of a tensor's shape: a fixed size, or a dynamic one ({@link #DYNAMIC}) that may carry
 * the symbolic name the model gives it ({@code batch}, {@code sequence}).
 *
 * @param size the size, or {@link #DYNAMIC}
 * @param symbol the symbolic name of a dynamic axis; empty when it has none or the axis is fixed
 */
public record Dimension(long size, String symbol) {

  public static final long DYNAMIC = -1;

  public Dimension {
    if (size < DYNAMIC) {
      throw new IllegalArgumentException("a dimension is a size of 0 or more, or DYNAMIC: " + size);
    }
    symbol = symbol == null ? "" : symbol;
    if (size != DYNAMIC && !symbol.isEmpty()) {
      throw new IllegalArgumentException("only a dynamic axis has a symbolic name: " + symbol);
    }
  }

  public static Dimension fixed(long size) {
    return new Dimension(size, "");
  }

  public static Dimension dynamic(String symbol) {
    return new Dimension(DYNAMIC, symbol);
  }

  public boolean isDynamic() {
    return size == DYNAMIC;
  }

  /** Whether an actual axis length fits this axis. */
  public boolean accepts(long length) {
    return isDynamic() ? length >= 0 : length == size;
  }

  @Override
  public String toString() {
    return isDynamic() ? (symbol.isEmpty() ? "?" : symbol) : Long.toString(size);
  }
}
