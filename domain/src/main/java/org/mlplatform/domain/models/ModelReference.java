package org.mlplatform.domain.models;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * How callers name a version: {@code name:3} (a number), {@code name:latest} (the newest), {@code
 * name@challenger} (an alias), or a plain {@code name}, which means the champion, because that is
 * the version serving answers with. A plain name never falls back to the newest version: that would
 * serve a model nobody approved.
 */
public record ModelReference(ResourceName model, OptionalInt number, Optional<AliasName> alias) {

  private static final String LATEST = "latest";

  public ModelReference {
    Objects.requireNonNull(model, "model");
    number = Objects.requireNonNullElse(number, OptionalInt.empty());
    alias = Objects.requireNonNullElse(alias, Optional.<AliasName>empty());
    if (number.isPresent() && alias.isPresent()) {
      throw new IllegalArgumentException("a reference names a version or an alias, not both");
    }
  }

  /** Parses a reference, blaming the field {@code model} when it is malformed. */
  public static ModelReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainValidationException("model", "name a model: name, name:3 or name@alias");
    }
    String reference = text.strip();
    int at = reference.indexOf('@');
    int colon = reference.indexOf(':');
    if (at >= 0 && colon >= 0) {
      throw new DomainValidationException(
          "model", "use name:version or name@alias, not both: '" + reference + "'");
    }
    if (at >= 0) {
      return new ModelReference(
          ResourceName.of("model", reference.substring(0, at)),
          OptionalInt.empty(),
          Optional.of(AliasName.of("model", reference.substring(at + 1))));
    }
    if (colon >= 0) {
      ResourceName model = ResourceName.of("model", reference.substring(0, colon));
      String version = reference.substring(colon + 1);
      if (version.equals(LATEST)) {
        return new ModelReference(model, OptionalInt.empty(), Optional.empty());
      }
      return new ModelReference(model, OptionalInt.of(parseNumber(version)), Optional.empty());
    }
    return new ModelReference(
        ResourceName.of("model", reference), OptionalInt.empty(), Optional.of(AliasName.CHAMPION));
  }

  /** Whether the reference means the newest version ({@code name:latest}). */
  public boolean isLatest() {
    return number.isEmpty() && alias.isEmpty();
  }

  private static int parseNumber(String text) {
    try {
      int number = Integer.parseInt(text);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as a number below 1
    }
    throw new DomainValidationException(
        "model", "a version is a number from 1 or 'latest', got '" + text + "'");
  }

  @Override
  public String toString() {
    if (number.isPresent()) {
      return model + ":" + number.getAsInt();
    }
    return alias.map(a -> model + "@" + a).orElse(model + ":" + LATEST);
  }
}
