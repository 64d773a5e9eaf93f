package org.mlplatform.portal.ui.search;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.mlplatform.portal.search.CatalogSearch;
import org.mlplatform.portal.search.SearchParameters;
import org.mlplatform.portal.search.SearchUnavailableException;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.search.InvalidQueryException;
import org.mlplatform.search.SearchHit;
import org.mlplatform.search.SearchQuery;
import org.mlplatform.search.SearchQuery.Sort;
import org.mlplatform.search.SearchResult;

/**
 * Catalogue search results: a search field, facets with counts, hits with their type, a link to
 * their page and the highlighted snippet, paging and sorting. The query lives in the URL ({@code
 * search?q=fraud&type=model}, the REST API's parameters), so a search can be bookmarked or shared;
 * an empty query lists the whole catalogue. Every role sees the whole catalogue.
 */
@Route("search")
@PageTitle("Search | MLP")
@PermitAll
@Dependent
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

  private final CatalogSearch catalog;
  private final TextField field = new TextField();
  private final Checkbox advanced = new Checkbox("Lucene syntax");
  private final Select<Sort> sort = new Select<>();
  private final Span total = new Span();
  private final Span error = new Span();
  private final FacetPanel facets = new FacetPanel(this::facetChanged);
  private final Div results = new Div();
  private final Span pageLabel = new Span();
  private final Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create());
  private final Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create());
  private SearchQuery query = SearchQuery.of("");

  @Inject
  public SearchView(CatalogSearch catalog) {
    this.catalog = catalog;
    addClassName("area-view");
    field.setId("search-field");
    field.setPlaceholder("Search features, models, owners, tags…");
    field.setPrefixComponent(VaadinIcon.SEARCH.create());
    field.setClearButtonVisible(true);
    field.setWidth("32em");
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            change(QueryEdits.text(query, e.getValue(), advanced.getValue()));
          }
        });
    advanced.setId("search-advanced");
    advanced.setTooltipText("Interpret the text as Lucene query syntax: owner:alice AND fraud*");
    advanced.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            change(QueryEdits.text(query, field.getValue(), e.getValue()));
          }
        });
    sort.setId("search-sort");
    sort.setItems(Sort.values());
    sort.setItemLabelGenerator(SearchText::sort);
    sort.setValue(Sort.RELEVANCE);
    sort.setAriaLabel("Sort by");
    sort.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            change(QueryEdits.sort(query, e.getValue()));
          }
        });
    HorizontalLayout bar = new HorizontalLayout(field, advanced, sort);
    bar.setAlignItems(FlexComponent.Alignment.BASELINE);
    total.setId("search-total");
    error.setId("search-error");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    results.setId("search-results");
    results.setWidthFull();
    previous.setId("search-previous");
    previous.addClickListener(e -> change(QueryEdits.page(query, query.page() - 1)));
    next.setId("search-next");
    next.setIconAfterText(true);
    next.addClickListener(e -> change(QueryEdits.page(query, query.page() + 1)));
    HorizontalLayout paging = new HorizontalLayout(previous, pageLabel, next);
    paging.setAlignItems(FlexComponent.Alignment.CENTER);
    VerticalLayout main = new VerticalLayout(total, error, results, paging);
    main.setPadding(false);
    HorizontalLayout body = new HorizontalLayout(facets, main);
    body.setWidthFull();
    body.setFlexGrow(1, main);
    add(new H2("Search"), bar, body);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      query = SearchParameters.fromUrl(event.getLocation().getQueryParameters().getParameters());
    } catch (InvalidQueryException e) {
      query = SearchQuery.of("");
      showError(e.getMessage());
      return;
    }
    field.setValue(query.text());
    advanced.setValue(query.advanced());
    sort.setValue(query.sort());
    run();
  }

  private void facetChanged(String dimension, java.util.Set<String> values) {
    change(QueryEdits.facet(query, dimension, values));
  }

  /** A new query: shown, and written to the URL without a navigation. */
  private void change(SearchQuery changed) {
    query = changed;
    UI.getCurrent()
        .getPage()
        .getHistory()
        .replaceState(
            null, new Location("search", new QueryParameters(SearchParameters.toUrl(query))));
    run();
  }

  private void run() {
    try {
      show(catalog.search(query));
    } catch (InvalidQueryException | SearchUnavailableException e) {
      showError(e.getMessage());
    }
  }

  private void show(SearchResult result) {
    error.setText("");
    error.setVisible(false);
    total.setText(SearchText.total(result.total(), result.tookMicros()));
    facets.show(result.facets(), query);
    results.removeAll();
    for (SearchHit hit : result.hits()) {
      results.add(new HitCard(hit));
    }
    if (result.hits().isEmpty()) {
      results.add(
          new EmptyState(
              VaadinIcon.SEARCH,
              "Nothing found",
              "Try fewer words, a shorter prefix, or untick a filter."));
    }
    pageLabel.setText(SearchText.page(query.page(), query.size(), result.total()));
    previous.setEnabled(query.page() > 0);
    long shown = (long) (query.page() + 1) * query.size();
    // Paging stops where the API's does: past that depth, narrowing the search works better.
    next.setEnabled(shown < result.total() && shown + query.size() <= SearchParameters.MAX_DEPTH);
  }

  private void showError(String message) {
    error.setText(message);
    error.setVisible(true);
    total.setText("");
    results.removeAll();
    facets.removeAll();
    pageLabel.setText("");
    previous.setEnabled(false);
    next.setEnabled(false);
  }
}
