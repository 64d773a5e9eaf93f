package org.mlplatform.serving.onnx;

import java.time.Duration;
import java.util.Objects;

/**
 * How large an upload may be and how long ONNX Runtime may take to load it.
 *
 * @param maxBytes the largest accepted file; ONNX's protobuf encoding cannot exceed 2 GiB
 * @param loadTimeout how long the caller waits for ONNX Runtime to open the model
 */
public record InspectionLimits(long maxBytes, Duration loadTimeout) {

  /** Protobuf messages are limited to 2 GiB, and so is a Java array. */
  public static final long LARGEST_POSSIBLE = Integer.MAX_VALUE - 8;

  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(30);

  public InspectionLimits {
    Objects.requireNonNull(loadTimeout, "loadTimeout");
    if (maxBytes < 1 || maxBytes > LARGEST_POSSIBLE) {
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and " + LARGEST_POSSIBLE + ": " + maxBytes);
    }
    if (loadTimeout.isNegative() || loadTimeout.isZero()) {
      throw new IllegalArgumentException("loadTimeout must be positive: " + loadTimeout);
    }
  }

  /** 256 MiB and 30 seconds. */
  public static InspectionLimits defaults() {
    return new InspectionLimits(DEFAULT_MAX_BYTES, DEFAULT_LOAD_TIMEOUT);
  }
}
