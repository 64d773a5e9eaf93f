package org.mlplatform.domain.models;

import java.util.regex.Pattern;
import org.mlplatform.domain.DomainValidationException;

/**
 * The name of an alias: lower-case letters, digits, {@code _} and {@code -}, starting with a
 * letter, at most 63 characters, so it is safe in a URL path and in {@code model@alias} references.
 */
public record AliasName(String value) implements Comparable<AliasName> {

  // Before the constants below: they are checked against it when the class initialises.
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  /** The alias serving follows; it moves only through the promotion workflow. */
  public static final AliasName CHAMPION = new AliasName("champion");

  /** The conventional alias of the version competing with the champion. */
  public static final AliasName CHALLENGER = new AliasName("challenger");

  public AliasName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new DomainValidationException("alias", describe(value));
    }
  }

  /** Parses an alias name, blaming {@code field} when it is not valid. */
  public static AliasName of(String field, String value) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new DomainValidationException(field, describe(value));
    }
    return new AliasName(value);
  }

  public boolean isChampion() {
    return equals(CHAMPION);
  }

  private static String describe(String value) {
    String shown =
        value == null
            ? "null"
            : "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "...") + "'";
    return "invalid alias "
        + shown
        + ": use 1 to 63 lower-case letters, digits, '_' and '-', starting with a letter";
  }

  @Override
  public int compareTo(AliasName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
