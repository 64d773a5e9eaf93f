package org.mlplatform.portal.ui.search;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.mlplatform.search.SearchHit;

/** One hit: its type as a badge, its name linking to its page, and the highlighted snippet. */
final class HitCard extends Div {

  HitCard(SearchHit hit) {
    addClassName("search-hit");
    getStyle().set("padding", "0.5rem 0").set("border-bottom", "1px solid rgba(128,128,128,0.2)");
    Badge type = new Badge(SearchText.type(hit.type()));
    type.addClassName("search-hit-type");
    // Relative to the portal's root, as every route is; the router handles the click.
    Anchor name = new Anchor(hit.link(), hit.name());
    name.addClassName("search-hit-link");
    name.getStyle().set("font-weight", "600").set("margin-left", "0.5rem");
    Div head = new Div(type, name);
    add(head);
    if (hit.highlight() != null && !hit.highlight().isBlank()) {
      add(snippet(hit.highlight()));
    }
  }

  /**
   * The snippet as HTML: the index escapes the text and adds only {@code <mark>}, so this is the
   * one place the portal renders a string as markup.
   */
  static Span snippet(String highlight) {
    Span snippet = new Span();
    snippet.addClassName("search-hit-snippet");
    snippet.getElement().setProperty("innerHTML", highlight);
    snippet.getStyle().set("display", "block").set("opacity", "0.85").set("font-size", "0.9rem");
    return snippet;
  }
}
