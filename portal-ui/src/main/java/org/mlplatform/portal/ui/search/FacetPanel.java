package org.mlplatform.portal.ui.search;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.mlplatform.search.SearchQuery;

/**
 * The facets of a result as checkbox groups with counts: type, owner, tags, aliases. A selected
 * value stays listed (with 0) when the other filters leave it no hits, so it can be unticked.
 * Rebuilt for every result rather than updated: a group's new items would reset its selection.
 */
final class FacetPanel extends Div {

  private final BiConsumer<String, Set<String>> onChange;

  /** {@code onChange} gets a dimension and its new selection when the user ticks or unticks. */
  FacetPanel(BiConsumer<String, Set<String>> onChange) {
    this.onChange = onChange;
    setId("search-facets");
    getStyle().set("min-width", "14rem").set("max-width", "18rem");
  }

  void show(Map<String, Map<String, Long>> facets, SearchQuery query) {
    removeAll();
    for (String dimension : SearchText.FACETS) {
      Map<String, Long> counts = counts(facets.getOrDefault(dimension, Map.of()), query, dimension);
      if (counts.isEmpty()) {
        continue;
      }
      CheckboxGroup<String> group = new CheckboxGroup<>(SearchText.facet(dimension));
      group.setId("facet-" + dimension);
      group.setItems(new ArrayList<>(counts.keySet()));
      group.setItemLabelGenerator(
          value ->
              ("type".equals(dimension) ? SearchText.typeKey(value) : value)
                  + " ("
                  + counts.get(value)
                  + ")");
      group.setValue(QueryEdits.selected(query, dimension));
      group.addValueChangeListener(
          e -> {
            if (e.isFromClient()) {
              onChange.accept(dimension, e.getValue());
            }
          });
      add(group);
    }
  }

  /** The result's counts, top first, then selected values the result no longer counts. */
  static Map<String, Long> counts(Map<String, Long> counted, SearchQuery query, String dimension) {
    Map<String, Long> counts = new LinkedHashMap<>(counted);
    List<String> missing =
        QueryEdits.selected(query, dimension).stream()
            .filter(v -> !counts.containsKey(v))
            .sorted()
            .toList();
    missing.forEach(v -> counts.put(v, 0L));
    return counts;
  }
}
