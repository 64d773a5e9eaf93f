package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list of editable rows that keeps their ids in step with their positions. */
final class RowList<R extends EditableRow> extends VerticalLayout {

  private final List<R> rows = new ArrayList<>();

  RowList(String id) {
    setId(id);
    setPadding(false);
    setSpacing(false);
  }

  R append(R row) {
    rows.add(row);
    add(row);
    row.removeButton().addClickListener(e -> removeRow(row));
    row.renumber(rows.size() - 1);
    return row;
  }

  void removeRow(R row) {
    rows.remove(row);
    remove(row);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).renumber(i);
    }
  }

  List<R> rows() {
    return List.copyOf(rows);
  }

  Optional<R> row(int index) {
    return index >= 0 && index < rows.size() ? Optional.of(rows.get(index)) : Optional.empty();
  }

  void clearErrors() {
    rows.forEach(EditableRow::clearErrors);
  }
}
