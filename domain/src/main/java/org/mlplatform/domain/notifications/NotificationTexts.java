package org.mlplatform.domain.notifications;

import org.mlplatform.domain.DomainValidationException;

/**
 * The length and content rules of notification text, each failure naming the input field to blame.
 * The limits match the column sizes of the V8 migration.
 */
final class NotificationTexts {

  static final int NAME_MAX = 200;
  static final int TOPIC_MAX = 100;
  static final int TITLE_MAX = 200;
  static final int BODY_MAX = 4000;
  static final int LINK_MAX = 1000;

  private NotificationTexts() {}

  /** Text that must say something, within {@code max} characters. */
  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new DomainValidationException(field, field + " must not be blank");
    }
    return limited(field, value, max);
  }

  /** Optional text: null becomes empty. */
  static String optional(String field, String value, int max) {
    return limited(field, value == null ? "" : value, max);
  }

  /** One line of text: required, and without line breaks or other control characters. */
  static String line(String field, String value, int max) {
    String text = required(field, value, max);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new DomainValidationException(field, field + " must not contain control characters");
    }
    return text;
  }

  private static String limited(String field, String text, int max) {
    if (text.length() > max) {
      throw new DomainValidationException(
          field, field + " is " + text.length() + " characters long; at most " + max + " allowed");
    }
    return text;
  }
}
