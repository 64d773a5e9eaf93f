package org.mlplatform.portal.ui.search;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import org.mlplatform.portal.ui.base.PlannedAreaView;

/** Search: not built yet, so it says so rather than showing made-up data. */
@Route("search")
@PageTitle("Search | MLP")
@PermitAll
@Dependent
public class SearchView extends PlannedAreaView {

  public SearchView() {
    super(
        "Search",
        VaadinIcon.SEARCH,
        "Catalogue search is not available in this build yet",
        "Searching features and models by name, tag and owner arrives with the catalogue index's documents.");
  }
}
