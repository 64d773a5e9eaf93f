package org.mlplatform.portal.ui.search;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.portal.search.SearchUnavailableException;
import org.mlplatform.search.Suggestion;

/**
 * The search box in the header of every page. While the user types it lists matching names, each a
 * link to its page, and last a link to the full results; Enter opens the results page ({@code
 * search?q=...}). Arrow keys move through the list, Escape or leaving the box closes it.
 *
 * <p>A text field with a list of links rather than a combo box: a combo box that accepts free text
 * commits it when the user merely clicks elsewhere, which would jump to the results page.
 */
public class HeaderSearch extends Div implements AfterNavigationObserver {

  private static final Logger LOG = Logger.getLogger(HeaderSearch.class.getName());

  /** Suggestions shown at most. */
  static final int SUGGESTIONS = 8;

  /** Where suggestions come from: {@code CatalogSearch::suggest} in the portal. */
  @FunctionalInterface
  public interface Suggester {
    List<Suggestion> suggest(String prefix, int limit);
  }

  /** Moves focus between the field and the links with the arrow keys, in the browser. */
  private static final String ARROW_KEYS =
      """
      if (!this.__arrowKeys) {
        this.__arrowKeys = true;
        this.addEventListener('keydown', e => {
          const links = Array.from(this.querySelectorAll('a'));
          const at = links.indexOf(document.activeElement);
          if (e.key === 'ArrowDown' && links.length) {
            e.preventDefault();
            links[Math.min(at + 1, links.length - 1)].focus();
          } else if (e.key === 'ArrowUp' && at >= 0) {
            e.preventDefault();
            if (at === 0) { this.querySelector('vaadin-text-field').focus(); }
            else { links[at - 1].focus(); }
          }
        });
      }
      """;

  private final Suggester suggester;
  private final TextField field = new TextField();
  private final Div list = new Div();

  public HeaderSearch(Suggester suggester) {
    this.suggester = suggester;
    addClassName("header-search");
    getStyle().set("position", "relative").set("margin-left", "1rem");
    field.setId("header-search");
    field.setPlaceholder("Search");
    field.setAriaLabel("Search features and models");
    field.setPrefixComponent(VaadinIcon.SEARCH.create());
    field.setClearButtonVisible(true);
    field.setWidth("18rem");
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setValueChangeTimeout(150);
    field.addValueChangeListener(e -> suggest(e.getValue()));
    field.addFocusListener(e -> list.setVisible(list.getComponentCount() > 0));
    // The value as the browser has it now: the lazy value change may not have reached us yet.
    field
        .getElement()
        .addEventListener(
            "keydown", e -> openResults(e.getEventData().path("element.value").asString()))
        .setFilter("event.key === 'Enter'")
        .addEventData("element.value");
    getElement().addEventListener("keydown", e -> close()).setFilter("event.key === 'Escape'");
    // Focus moving from the field to one of the links keeps the list open.
    getElement()
        .addEventListener("focusout", e -> list.setVisible(false))
        .setFilter("!element.contains(event.relatedTarget)");
    list.setId("header-search-suggestions");
    list.getStyle()
        .set("position", "absolute")
        .set("top", "100%")
        .set("left", "0")
        .set("min-width", "100%")
        .set("z-index", "10")
        .set("padding", "0.25rem 0")
        .set("background", "var(--vaadin-background-color, var(--lumo-base-color, #ffffff))")
        .set("box-shadow", "0 4px 16px rgba(0, 0, 0, 0.2)")
        .set("border-radius", "0.5rem");
    list.setVisible(false);
    add(field, list);
    getElement().executeJs(ARROW_KEYS);
  }

  private void suggest(String text) {
    list.removeAll();
    if (text == null || text.isBlank()) {
      list.setVisible(false);
      return;
    }
    List<Suggestion> suggestions;
    try {
      suggestions = suggester.suggest(text, SUGGESTIONS);
    } catch (SearchUnavailableException e) {
      suggestions = List.of();
    } catch (RuntimeException e) { // a suggestion is not worth a broken header
      LOG.log(Level.WARNING, "suggestions for '" + text + "' failed", e);
      suggestions = List.of();
    }
    for (Suggestion suggestion : suggestions) {
      list.add(item(suggestion.link(), suggestion.text(), SearchText.type(suggestion.type())));
    }
    list.add(item(resultsLink(text), "Search for “" + text.strip() + "”", null));
    list.setVisible(true);
  }

  private static Anchor item(String href, String text, String type) {
    Anchor item = new Anchor(href, text);
    item.addClassName("header-search-item");
    // Focusable in every browser, so a click keeps focus inside the box.
    item.getElement().setAttribute("tabindex", "0");
    item.getStyle().set("display", "block").set("padding", "0.35rem 0.75rem");
    if (type != null) {
      Span label = new Span(type);
      label
          .getStyle()
          .set("opacity", "0.6")
          .set("font-size", "0.8rem")
          .set("margin-left", "0.5rem");
      item.add(label);
    }
    return item;
  }

  /** The results page for {@code text}, as a portal-relative link. */
  static String resultsLink(String text) {
    return "search?" + QueryParameters.of("q", text.strip()).getQueryString();
  }

  private void openResults(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    close();
    UI.getCurrent().navigate("search", QueryParameters.of("q", text.strip()));
  }

  private void close() {
    list.setVisible(false);
  }

  /** Wherever the user went, the box starts empty again. */
  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    list.removeAll();
    list.setVisible(false);
    if (!field.isEmpty()) {
      field.clear();
    }
  }
}
