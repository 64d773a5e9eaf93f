package org.mlplatform.domain.models;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mlplatform.domain.DomainValidationException;

/**
 * The length and content rules for the registry's free text, names and maps, shared so that every
 * value object reports a broken rule the same way: with the input field to blame. The limits match
 * the column sizes of the V6 migration.
 */
final class Texts {

  static final int NAME_MAX = 100;
  static final int PERSON_MAX = 200;
  static final int DESCRIPTION_MAX = 4000;
  static final int LONG_TEXT_MAX = 10_000;
  static final int VALUE_MAX = 1000;
  static final int TAGS_MAX = 50;

  private Texts() {}

  /** Optional text: null becomes empty. */
  static String optional(String field, String value, int max) {
    String text = value == null ? "" : value;
    if (text.length() > max) {
      throw new DomainValidationException(
          field, field + " is " + text.length() + " characters long; at most " + max + " allowed");
    }
    return text;
  }

  /** Text that must say something. */
  static String required(String field, String value, int max) {
    String text = optional(field, value, max);
    if (text.isBlank()) {
      throw new DomainValidationException(field, field + " must not be blank");
    }
    return text;
  }

  /** A short label (tag, metric or hyperparameter name): no blank, no line breaks. */
  static String label(String field, String value) {
    String text = required(field, value, NAME_MAX);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new DomainValidationException(field, field + " must not contain control characters");
    }
    return text;
  }

  static Set<String> tags(Set<String> tags) {
    Set<String> copy = new TreeSet<>();
    for (String tag : tags == null ? Set.<String>of() : tags) {
      copy.add(label("tags", tag == null ? null : tag.strip()));
    }
    if (copy.size() > TAGS_MAX) {
      throw new DomainValidationException("tags", "at most " + TAGS_MAX + " tags allowed");
    }
    return Set.copyOf(copy);
  }

  /** Metrics must be finite: NaN or infinity would make every comparison meaningless. */
  static Map<String, Double> metrics(Map<String, Double> metrics) {
    TreeMap<String, Double> copy = new TreeMap<>();
    (metrics == null ? Map.<String, Double>of() : metrics)
        .forEach(
            (name, value) -> {
              String field = "metrics." + name;
              label(field, name);
              if (value == null || !Double.isFinite(value)) {
                throw new DomainValidationException(
                    field, "metric " + name + " is " + value + "; metrics must be finite numbers");
              }
              copy.put(name, value);
            });
    return java.util.Collections.unmodifiableSortedMap(copy);
  }

  static Map<String, String> hyperparameters(Map<String, String> hyperparameters) {
    TreeMap<String, String> copy = new TreeMap<>();
    (hyperparameters == null ? Map.<String, String>of() : hyperparameters)
        .forEach(
            (name, value) -> {
              String field = "hyperparameters." + name;
              label(field, name);
              if (value == null) {
                throw new DomainValidationException(field, "hyperparameter " + name + " is null");
              }
              copy.put(name, optional(field, value, VALUE_MAX));
            });
    return java.util.Collections.unmodifiableSortedMap(copy);
  }
}
