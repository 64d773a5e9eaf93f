package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * A time to live as a number and a unit (days, hours, minutes, seconds), because nobody thinks of a
 * week as 604800 seconds. Empty or 0 means rows never expire. A stored value is shown in the
 * largest unit that represents it exactly, so editing never rounds it.
 */
final class TtlInput extends HorizontalLayout {

  /** The units offered, largest first. */
  enum Unit {
    DAYS("days", 86_400),
    HOURS("hours", 3_600),
    MINUTES("minutes", 60),
    SECONDS("seconds", 1);

    private final String label;
    private final long seconds;

    Unit(String label, long seconds) {
      this.label = label;
      this.seconds = seconds;
    }
  }

  private final IntegerField amount = FormFields.manual(new IntegerField("Time to live"));
  private final Select<Unit> unit = new Select<>();

  TtlInput(String id) {
    amount.setId(id);
    amount.setMin(0);
    amount.setStepButtonsVisible(true);
    amount.setHelperText("How long a row stays valid for online lookups; empty or 0 = forever");
    unit.setId(id + "-unit");
    unit.setAriaLabel("Time to live unit");
    unit.setItems(Unit.values());
    unit.setItemLabelGenerator(u -> u.label);
    unit.setValue(Unit.DAYS);
    unit.addValueChangeListener(e -> amount.setInvalid(false));
    setPadding(false);
    setAlignItems(FlexComponent.Alignment.BASELINE);
    add(amount, unit);
  }

  IntegerField amountField() {
    return amount;
  }

  Select<Unit> unitField() {
    return unit;
  }

  void setSeconds(Long seconds) {
    if (seconds == null || seconds <= 0) {
      amount.clear();
      unit.setValue(Unit.DAYS);
      return;
    }
    for (Unit u : Unit.values()) {
      if (seconds % u.seconds == 0 && seconds / u.seconds <= Integer.MAX_VALUE) {
        amount.setValue((int) (seconds / u.seconds));
        unit.setValue(u);
        return;
      }
    }
    // Beyond what the field can show in seconds (about 68 years): show whole days, rounded down.
    amount.setValue((int) Math.min(Integer.MAX_VALUE, seconds / Unit.DAYS.seconds));
    unit.setValue(Unit.DAYS);
  }

  /** The entered duration in seconds; 0 when empty (forever). */
  long seconds() {
    Integer value = amount.getValue();
    return value == null ? 0 : value * unit.getValue().seconds;
  }

  /** Marks a negative amount; true when the value is acceptable. */
  boolean validate() {
    Integer value = amount.getValue();
    if (value != null && value < 0) {
      FormFields.invalidate(amount, "The time to live must not be negative");
      return false;
    }
    return true;
  }

  void clearErrors() {
    FormFields.clear(amount);
  }

  void showError(String message) {
    FormFields.invalidate(amount, message);
  }
}
