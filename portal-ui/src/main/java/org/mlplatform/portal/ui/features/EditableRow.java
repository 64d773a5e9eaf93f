package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * One row of a {@link RowList}: a few inputs and a button that removes the row. Rows know their
 * position only through {@link #renumber}, so ids and server error paths such as {@code
 * features[2].type} keep pointing at what the user sees after a row above is removed.
 */
abstract class EditableRow extends HorizontalLayout {

  private final Button remove = new Button(VaadinIcon.TRASH.create());
  private final String idPrefix;

  EditableRow(String idPrefix, String removeLabel) {
    this.idPrefix = idPrefix;
    remove.addThemeVariants(ButtonVariant.TERTIARY);
    remove.setAriaLabel(removeLabel);
    remove.setTooltipText(removeLabel);
    setWidthFull();
    setAlignItems(FlexComponent.Alignment.BASELINE);
  }

  final Button removeButton() {
    return remove;
  }

  /** Gives every input an id of the form {@code <prefix>-<input>-<index>}. */
  final void renumber(int index) {
    remove.setId(idPrefix + "-remove-" + index);
    renumberInputs(idPrefix, index);
  }

  abstract void renumberInputs(String prefix, int index);

  abstract void clearErrors();

  /**
   * Shows an error on the input a server path's leaf names ({@code name}, {@code type}, ...); an
   * unknown or empty leaf marks the name, which identifies the row.
   */
  abstract void showError(String leaf, String message);
}
