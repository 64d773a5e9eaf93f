package org.mlplatform.serving.inference;

/**
 * Bounds on one inference request body, checked while it streams in so that an oversize or hostile
 * body is refused before memory is spent on it. The byte size of the body itself is for the HTTP
 * layer to bound: JSON-P buffers a whole string or number token before it can be inspected.
 *
 * @param maxElements tensor elements in the whole request, all inputs together (exceeding it: 413)
 * @param maxDepth nesting of JSON arrays and objects, counted from the request object; also the
 *     largest tensor rank accepted
 * @param maxStringLength characters in any one string or number token that is read (exceeding it:
 *     413)
 */
public record ReadLimits(int maxElements, int maxDepth, int maxStringLength) {

  /** 4 Mi elements: 16 MB of FP32, a batch of 27 images of 224 × 224 × 3. */
  public static final int DEFAULT_MAX_ELEMENTS = 1 << 22;

  /** Far more than any tensor's rank plus the request's own three levels. */
  public static final int DEFAULT_MAX_DEPTH = 32;

  /** 1 Mi characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;

  /** The request object, the inputs array and an input object sit above an input's data. */
  static final int LEVELS_ABOVE_DATA = 3;

  public ReadLimits {
    if (maxElements < 1) {
      throw new IllegalArgumentException("maxElements must be positive: " + maxElements);
    }
    if (maxDepth < LEVELS_ABOVE_DATA + 1) {
      throw new IllegalArgumentException(
          "maxDepth must leave room for an input's data (at least "
              + (LEVELS_ABOVE_DATA + 1)
              + "): "
              + maxDepth);
    }
    if (maxStringLength < 1) {
      throw new IllegalArgumentException("maxStringLength must be positive: " + maxStringLength);
    }
  }

  public static ReadLimits defaults() {
    return new ReadLimits(DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH);
  }
}
