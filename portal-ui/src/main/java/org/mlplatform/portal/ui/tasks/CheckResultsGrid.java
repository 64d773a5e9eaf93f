package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.mlplatform.workflows.promotion.CheckResult;

/** The automated promotion checks, failed ones marked red, for reviewers and requesters. */
final class CheckResultsGrid {

  private CheckResultsGrid() {}

  static Grid<CheckResult> of(List<CheckResult> checks) {
    Grid<CheckResult> grid = new Grid<>();
    grid.setId("check-results");
    grid.addColumn(CheckResult::name).setHeader("Check").setAutoWidth(true);
    grid.addComponentColumn(CheckResultsGrid::badge).setHeader("Result").setAutoWidth(true);
    grid.addColumn(CheckResult::detail)
        .setHeader("Detail")
        .setFlexGrow(1)
        .setTooltipGenerator(CheckResult::detail);
    grid.setItems(checks);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Span badge(CheckResult check) {
    Span badge = new Span(check.status().name().toLowerCase(java.util.Locale.ROOT));
    String theme =
        switch (check.status()) {
          case PASSED -> "badge success";
          case FAILED -> "badge error";
          case SKIPPED -> "badge contrast";
        };
    badge.getElement().getThemeList().add(theme);
    badge.getElement().setAttribute("data-check", check.name());
    return badge;
  }
}
