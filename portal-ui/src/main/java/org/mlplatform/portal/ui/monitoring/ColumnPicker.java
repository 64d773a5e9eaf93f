package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.domain.monitoring.alerts.AlertRule;

/**
 * A choice of one of a model's monitored columns: its features and its prediction, or a name typed
 * in (a feature of a version not served yet).
 */
final class ColumnPicker extends ComboBox<String> {

  private final List<String> columns;

  ColumnPicker(String label, List<String> features) {
    super(label);
    columns = new ArrayList<>(features);
    if (!columns.contains(AlertRule.PREDICTION)) {
      columns.add(AlertRule.PREDICTION);
    }
    setItems(columns);
    setAllowCustomValue(true);
    addCustomValueSetListener(e -> typed(e.getDetail()));
  }

  private void typed(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    if (!columns.contains(trimmed)) {
      columns.add(trimmed);
      setItems(columns);
    }
    setValue(trimmed);
  }
}
