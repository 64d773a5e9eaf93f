package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.portal.features.DefinitionJson.DerivedColumn;

/**
 * An on-demand feature being edited. Its type may be left empty: the server then infers it from the
 * expression, which is what a user wants unless a specific width matters.
 */
final class DerivedColumnRow extends EditableRow {

  private final TextField name = FormFields.manual(new TextField());
  private final TextField expression = FormFields.manual(new TextField());
  private final Select<String> type = FormFields.manual(new Select<>());
  private final TextField description = FormFields.manual(new TextField());

  DerivedColumnRow(DerivedColumn initial) {
    super("derived", "Remove on-demand feature");
    name.setPlaceholder("name");
    name.setAriaLabel("Name");
    expression.setPlaceholder("expression, e.g. amount / avg_amount_30d");
    expression.setAriaLabel("Expression");
    type.setItems(ColumnRow.TYPES);
    type.setEmptySelectionAllowed(true);
    type.setEmptySelectionCaption("inferred");
    type.setAriaLabel("Type");
    description.setPlaceholder("description");
    description.setAriaLabel("Description");
    if (initial != null) {
      name.setValue(initial.name() == null ? "" : initial.name());
      expression.setValue(initial.expression() == null ? "" : initial.expression());
      FeatureType.parse(initial.type()).map(Enum::name).ifPresent(type::setValue);
      description.setValue(initial.description() == null ? "" : initial.description());
    }
    add(name, expression, type, description, removeButton());
    setFlexGrow(2, expression);
    setFlexGrow(1, description);
  }

  @Override
  void renumberInputs(String prefix, int index) {
    name.setId(prefix + "-name-" + index);
    expression.setId(prefix + "-expression-" + index);
    type.setId(prefix + "-type-" + index);
    description.setId(prefix + "-description-" + index);
  }

  TextField nameField() {
    return name;
  }

  String name() {
    return name.getValue().strip();
  }

  DerivedColumn value() {
    return new DerivedColumn(
        name(),
        expression.getValue().strip(),
        type.getValue(),
        FormFields.stripToNull(description.getValue()));
  }

  /** Marks a missing or malformed name and a missing expression; true when both are fine. */
  boolean validate() {
    boolean ok = true;
    String problem = FormFields.nameProblem(name());
    if (problem != null) {
      FormFields.invalidate(name, problem);
      ok = false;
    }
    if (expression.getValue().isBlank()) {
      FormFields.invalidate(expression, "An expression is required");
      ok = false;
    }
    return ok;
  }

  @Override
  void clearErrors() {
    FormFields.clear(name, expression, type, description);
  }

  @Override
  void showError(String leaf, String message) {
    switch (leaf) {
      case "expression" -> FormFields.invalidate(expression, message);
      case "type" -> FormFields.invalidate(type, message);
      case "description" -> FormFields.invalidate(description, message);
      default -> FormFields.invalidate(name, message);
    }
  }
}
