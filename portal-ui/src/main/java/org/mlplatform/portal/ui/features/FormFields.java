package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small helpers shared by the feature-store forms. The rules mirror the server's (resource names,
 * tags) so that most mistakes are shown before a round trip; the server stays the authority.
 */
final class FormFields {

  /** The same rule as {@code ResourceName}: an SQL-safe identifier. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  static final String NAME_RULE =
      "Use 1 to 63 lower-case letters, digits and underscores, starting with a letter";

  private static final int MAX_TAG_LENGTH = 100;

  private FormFields() {}

  /**
   * Validation is ours, not the web component's: constraint checks on the client would fight with
   * the errors we set. A field's error goes away as soon as the user edits it.
   */
  static <F extends HasValidation & HasValue<?, ?>> F manual(F field) {
    field.setManualValidation(true);
    field.addValueChangeListener(e -> field.setInvalid(false));
    return field;
  }

  static void invalidate(HasValidation field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
  }

  static void clear(HasValidation... fields) {
    for (HasValidation field : fields) {
      field.setInvalid(false);
      field.setErrorMessage(null);
    }
  }

  /** Null when {@code name} is a valid resource name, otherwise what is wrong with it. */
  static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "A name is required";
    }
    return NAME.matcher(name).matches() ? null : NAME_RULE;
  }

  static String stripToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Tags as typed: comma separated, blanks dropped, duplicates kept once. */
  static List<String> tags(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }

  static String tagsText(List<String> tags) {
    return tags == null ? "" : String.join(", ", tags);
  }

  /** Null when the tags are acceptable, otherwise what is wrong with them. */
  static String tagsProblem(List<String> tags) {
    return tags.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH)
        ? "Each tag is at most " + MAX_TAG_LENGTH + " characters"
        : null;
  }

  /** The form-level message, hidden while empty, for errors no single input owns. */
  static Span formError() {
    Span error = new Span();
    error.setId("form-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    return error;
  }

  static void show(Span formError, String message) {
    formError.setText(message);
    formError.setVisible(true);
  }

  static void hide(Span formError) {
    formError.setText("");
    formError.setVisible(false);
  }
}
