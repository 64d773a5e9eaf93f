package org.mlplatform.serving.engine;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of a version's input hold personal data and so are never written to the prediction
 * log in clear: position {@code i} of the input's last axis is masked when {@code masked[i]}. The
 * mask is worked out once, when the version is loaded, so the request path only reads it.
 */
public final class LogMask {

  /** Logs every input as it came. */
  public static final LogMask NONE = new LogMask("", 0, new boolean[0], List.of());

  private final String input;
  private final int width;
  private final boolean[] masked;
  private final List<String> features;

  private LogMask(String input, int width, boolean[] masked, List<String> features) {
    this.input = input;
    this.width = width;
    this.masked = masked;
    this.features = features;
  }

  /**
   * @param input the input the features feed
   * @param columns the features in input order ({@code view:feature})
   * @param personal the features among them that hold personal data
   */
  public static LogMask of(String input, List<String> columns, java.util.Set<String> personal) {
    Objects.requireNonNull(input, "input");
    boolean[] masked = new boolean[columns.size()];
    boolean any = false;
    for (int i = 0; i < masked.length; i++) {
      masked[i] = personal.contains(columns.get(i));
      any |= masked[i];
    }
    if (!any) {
      return NONE;
    }
    return new LogMask(
        input, columns.size(), masked, columns.stream().filter(personal::contains).toList());
  }

  public boolean isEmpty() {
    return features.isEmpty();
  }

  /** The masked features, in input order, as the log records them. */
  public List<String> features() {
    return features;
  }

  /** Whether any value of this input is masked. */
  boolean covers(String inputName) {
    return !features.isEmpty() && input.equals(inputName);
  }

  /**
   * Whether element {@code index} (flat, row-major) of the input, of this shape, is masked. An
   * input whose last axis is not the mapped width cannot be told apart by column, so all of it is.
   */
  boolean masks(long[] shape, int index) {
    if (shape.length == 0 || shape[shape.length - 1] != width) {
      return true;
    }
    return masked[index % width];
  }
}
