package org.mlplatform.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of catalogue item the index holds; {@link #key()} is the stable indexed value. */
public enum DocumentType {
  ENTITY("entity"),
  FEATURE_VIEW("feature_view"),
  FEATURE("feature"),
  FEATURE_SERVICE("feature_service"),
  MODEL("model"),
  MODEL_VERSION("model_version");

  private final String key;

  DocumentType(String key) {
    this.key = key;
  }

  /** The value stored in the index and used in URLs and facets (never the ordinal). */
  public String key() {
    return key;
  }

  /**
   * The type with this key.
   *
   * @throws InvalidQueryException naming the valid keys when {@code key} is unknown, so that a bad
   *     type filter in a request becomes a 400 rather than a 500
   */
  public static DocumentType fromKey(String key) {
    for (DocumentType type : values()) {
      if (type.key.equals(key)) {
        return type;
      }
    }
    throw new InvalidQueryException(
        "unknown type '"
            + key
            + "'; valid types: "
            + Arrays.stream(values()).map(DocumentType::key).collect(Collectors.joining(", ")));
  }
}
