package org.mlplatform.domain.features;

import java.util.regex.Pattern;
import org.mlplatform.domain.DomainValidationException;

/**
 * The name of a catalogue object (entity, join key, feature view, feature, feature service). Lower
 * case letters, digits and underscores, starting with a letter, at most 63 characters: safe as an
 * SQL identifier and as a file name, so no path or injection trick can hide in one.
 */
public record ResourceName(String value) implements Comparable<ResourceName> {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public ResourceName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(describe(value));
    }
  }

  /** Parses a name, blaming {@code field} when it is not valid. */
  public static ResourceName of(String field, String value) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new DomainValidationException(field, describe(value));
    }
    return new ResourceName(value);
  }

  private static String describe(String value) {
    String shown = value == null ? "null" : "'" + abbreviate(value) + "'";
    return "invalid name "
        + shown
        + ": use 1 to 63 lower-case letters, digits and underscores, starting with a letter";
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  @Override
  public int compareTo(ResourceName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
