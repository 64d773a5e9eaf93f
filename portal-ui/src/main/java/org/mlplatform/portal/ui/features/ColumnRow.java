package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.portal.features.DefinitionJson.Column;

/**
 * A typed column being edited: a stored feature (name, type, description) or a request field (name
 * and type only, since it exists only for the length of one request).
 */
final class ColumnRow extends EditableRow {

  /** The types the server accepts, in the order a user thinks of them. */
  static final List<String> TYPES = Arrays.stream(FeatureType.values()).map(Enum::name).toList();

  private final TextField name = FormFields.manual(new TextField());
  private final Select<String> type = FormFields.manual(new Select<>());
  private final TextField description = FormFields.manual(new TextField());
  private final boolean withDescription;

  ColumnRow(String idPrefix, String removeLabel, boolean withDescription, Column initial) {
    super(idPrefix, removeLabel);
    this.withDescription = withDescription;
    name.setPlaceholder("name");
    name.setAriaLabel("Name");
    type.setItems(TYPES);
    type.setPlaceholder("type");
    type.setAriaLabel("Type");
    description.setPlaceholder("description");
    description.setAriaLabel("Description");
    if (initial != null) {
      name.setValue(initial.name() == null ? "" : initial.name());
      FeatureType.parse(initial.type()).map(Enum::name).ifPresent(type::setValue);
      description.setValue(initial.description() == null ? "" : initial.description());
    }
    add(name, type);
    if (withDescription) {
      add(description);
      setFlexGrow(1, description);
    }
    add(removeButton());
  }

  @Override
  void renumberInputs(String prefix, int index) {
    name.setId(prefix + "-name-" + index);
    type.setId(prefix + "-type-" + index);
    description.setId(prefix + "-description-" + index);
  }

  TextField nameField() {
    return name;
  }

  String name() {
    return name.getValue().strip();
  }

  Column value() {
    return new Column(
        name(),
        type.getValue(),
        withDescription ? FormFields.stripToNull(description.getValue()) : null);
  }

  /** Marks a missing or malformed name and a missing type; true when both are fine. */
  boolean validate() {
    boolean ok = true;
    String problem = FormFields.nameProblem(name());
    if (problem != null) {
      FormFields.invalidate(name, problem);
      ok = false;
    }
    if (type.getValue() == null) {
      FormFields.invalidate(type, "Choose a type");
      ok = false;
    }
    return ok;
  }

  @Override
  void clearErrors() {
    FormFields.clear(name, type, description);
  }

  @Override
  void showError(String leaf, String message) {
    switch (leaf) {
      case "type" -> FormFields.invalidate(type, message);
      case "description" -> FormFields.invalidate(withDescription ? description : name, message);
      default -> FormFields.invalidate(name, message);
    }
  }
}
