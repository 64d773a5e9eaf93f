package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.compare.VersionComparison;
import org.mlplatform.portal.models.ModelStore;

/** Two versions side by side: metrics with their deltas, then signature and lineage changes. */
public class ComparePanel extends VerticalLayout {

  /** One line of the comparison. */
  public record Line(String section, String name, String base, String candidate, String note) {}

  private final Grid<Line> grid = new Grid<>();

  ComparePanel(ResourceName model, List<ModelVersion> versions, ModelStore models) {
    setPadding(false);
    List<Integer> numbers = versions.stream().map(ModelVersion::number).toList();
    Select<Integer> base = select("Base", "compare-base", numbers, numbers.get(1));
    Select<Integer> candidate = select("Candidate", "compare-candidate", numbers, numbers.get(0));
    Span fit = new Span();
    fit.setId("compare-fit");
    grid.setId("compare-grid");
    grid.addColumn(Line::section).setHeader("What").setAutoWidth(true);
    grid.addColumn(Line::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(Line::base).setHeader("Base").setAutoWidth(true);
    grid.addColumn(Line::candidate).setHeader("Candidate").setAutoWidth(true);
    grid.addColumn(Line::note).setHeader("").setFlexGrow(1);
    grid.setAllRowsVisible(true);
    Runnable refresh =
        () -> {
          VersionComparison comparison =
              models.compare(
                  new ModelVersionId(model, base.getValue()),
                  new ModelVersionId(model, candidate.getValue()));
          fit.setText(
              comparison.callersFit()
                  ? "Callers of the base version can call the candidate unchanged."
                  : "The candidate's signature breaks callers of the base version.");
          grid.setItems(lines(comparison));
        };
    base.addValueChangeListener(e -> refresh.run());
    candidate.addValueChangeListener(e -> refresh.run());
    refresh.run();
    add(new HorizontalLayout(base, candidate), fit, grid);
  }

  private static Select<Integer> select(String label, String id, List<Integer> items, int value) {
    Select<Integer> select = new Select<>();
    select.setLabel(label);
    select.setId(id);
    select.setItems(items);
    select.setItemLabelGenerator(v -> "v" + v);
    select.setValue(value);
    return select;
  }

  /** The comparison as a grid of its lines, for pages that show one fixed pair. */
  public static Grid<Line> grid(VersionComparison comparison, String id) {
    Grid<Line> lines = new Grid<>();
    lines.setId(id);
    lines.addColumn(Line::section).setHeader("What").setAutoWidth(true);
    lines.addColumn(Line::name).setHeader("Name").setAutoWidth(true);
    lines.addColumn(Line::base).setHeader("Champion").setAutoWidth(true);
    lines.addColumn(Line::candidate).setHeader("Candidate").setAutoWidth(true);
    lines.addColumn(Line::note).setHeader("").setFlexGrow(1);
    lines.setAllRowsVisible(true);
    lines.setItems(lines(comparison));
    return lines;
  }

  static List<Line> lines(VersionComparison comparison) {
    List<Line> lines = new ArrayList<>();
    comparison
        .metrics()
        .forEach(
            m ->
                lines.add(
                    new Line(
                        "metric",
                        m.name(),
                        number(m.base()),
                        number(m.candidate()),
                        m.delta().isPresent() ? "Δ " + signed(m.delta().getAsDouble()) : "")));
    comparison
        .signatureChanges()
        .forEach(
            c ->
                lines.add(
                    new Line(
                        "signature",
                        c.kind() + " " + c.name(),
                        c.before(),
                        c.after(),
                        c.breaksCallers() ? "breaks callers" : "")));
    comparison
        .lineageChanges()
        .forEach(
            c ->
                lines.add(
                    new Line("lineage", c.kind() + " " + c.subject(), c.before(), c.after(), "")));
    return lines;
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.6g", value.getAsDouble()) : "—";
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.6g", value);
  }
}
