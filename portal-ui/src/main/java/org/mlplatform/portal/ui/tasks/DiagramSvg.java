package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlplatform.workflows.diagram.DiagramEdge;
import org.mlplatform.workflows.diagram.DiagramEdge.Point;
import org.mlplatform.workflows.diagram.DiagramShape;

/**
 * SVG pieces for {@link ProcessDiagramView}. Colours live in one stylesheet keyed on {@code
 * data-state}, so a change of state is one attribute per shape and nothing is redrawn.
 */
final class DiagramSvg {

  /**
   * Theme colours: Aura's (the portal's theme) first, then Lumo's, then a literal, so the diagram
   * follows whichever built-in stylesheet is loaded, including dark mode.
   */
  static final String STYLE =
      """
      .mlp-process-diagram {
        --mlp-active: var(--aura-blue, var(--lumo-primary-color, #1676f3));
        --mlp-completed: var(--aura-green, var(--lumo-success-color, #2e7d32));
        --mlp-idle: var(--vaadin-text-color-secondary, var(--lumo-secondary-text-color, #6b7280));
        --mlp-text: var(--vaadin-text-color, var(--lumo-body-text-color, #1f2937));
        --mlp-surface: var(--vaadin-background-color, var(--lumo-base-color, #ffffff));
        font-family: var(--aura-font-family, var(--lumo-font-family, sans-serif));
        font-size: 11px;
      }
      .mlp-process-diagram .shape > :is(rect, circle, polygon) {
        fill: var(--mlp-surface); stroke: var(--mlp-idle); stroke-width: 1.5;
      }
      .mlp-process-diagram .shape[data-state=active] > :is(rect, circle, polygon) {
        fill: color-mix(in srgb, var(--mlp-active) 15%, var(--mlp-surface));
        stroke: var(--mlp-active); stroke-width: 3;
      }
      .mlp-process-diagram .shape[data-state=completed] > :is(rect, circle, polygon) {
        fill: color-mix(in srgb, var(--mlp-completed) 15%, var(--mlp-surface));
        stroke: var(--mlp-completed); stroke-width: 2;
      }
      .mlp-process-diagram .shape.end-event > circle { stroke-width: 4; }
      .mlp-process-diagram .shape.other[data-state=idle] > rect {
        fill: none; stroke-dasharray: 4 3;
      }
      .mlp-process-diagram text { fill: var(--mlp-text); }
      .mlp-process-diagram text.label {
        font-size: 10px; paint-order: stroke; stroke: var(--mlp-surface); stroke-width: 3px;
      }
      .mlp-process-diagram .edge > polyline { fill: none; stroke: var(--mlp-idle); stroke-width: 1.2; }
      .mlp-process-diagram .edge > polygon { fill: var(--mlp-idle); }
      .mlp-process-diagram .edge > text { fill: var(--mlp-idle); }
      """;

  private static final double TASK_LINE = 13;
  private static final double LABEL_LINE = 12;
  private static final double ARROW_LENGTH = 8;
  private static final double ARROW_HALF_WIDTH = 3.5;

  private DiagramSvg() {}

  /** A shape's group: its outline, its name (inside tasks, beside the rest) and hover text. */
  static Element shape(DiagramShape shape, List<DiagramEdge> edges) {
    String kind = shape.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    Element group =
        new Element("g")
            .setAttribute("class", "shape " + kind)
            .setAttribute("data-element-id", shape.elementId())
            .setAttribute("data-kind", kind);
    group.appendChild(new Element("title").setText(title(shape)));
    double cx = shape.centreX();
    double cy = shape.centreY();
    switch (shape.kind()) {
      case START_EVENT, END_EVENT -> group.appendChild(circle(cx, cy, shape.width() / 2));
      case INTERMEDIATE_EVENT, BOUNDARY_EVENT ->
          group.appendChild(
              circle(cx, cy, shape.width() / 2), circle(cx, cy, shape.width() / 2 - 3));
      case GATEWAY ->
          group.appendChild(
              new Element("polygon")
                  .setAttribute(
                      "points",
                      points(
                          List.of(
                              new Point(cx, shape.y()),
                              new Point(shape.x() + shape.width(), cy),
                              new Point(cx, shape.y() + shape.height()),
                              new Point(shape.x(), cy)))));
      default -> group.appendChild(rect(shape, shape.kind() == DiagramShape.Kind.OTHER ? 4 : 10));
    }
    if (shape.name().isEmpty()) {
      return group;
    }
    if (shape.kind().isTask()) {
      int maxLines = (int) Math.max(1, Math.min(3, (shape.height() - 8) / TASK_LINE));
      group.appendChild(
          text(wrap(shape.name(), chars(shape.width() - 10, 5.8), maxLines), cx, cy, TASK_LINE));
    } else if (shape.kind() != DiagramShape.Kind.OTHER) {
      // Names go outside events and gateways: below, or above when a flow leaves from below.
      // Boundary events sit side by side on their task's edge: keep their names narrow.
      int maxChars = shape.kind() == DiagramShape.Kind.BOUNDARY_EVENT ? 10 : 16;
      List<String> lines = wrap(shape.name(), maxChars, 2);
      double height = lines.size() * LABEL_LINE;
      boolean above = !shape.kind().isEvent() && leavesFromBottom(shape, edges);
      double y = above ? shape.y() - 4 - height / 2 : shape.y() + shape.height() + 4 + height / 2;
      group.appendChild(text(lines, cx, y, LABEL_LINE).setAttribute("class", "label"));
    }
    return group;
  }

  /** An edge's group: the path, an arrow head at its end and its name beside the first segment. */
  static Element edge(DiagramEdge edge) {
    Element group =
        new Element("g")
            .setAttribute("class", "edge")
            .setAttribute("data-edge-id", edge.elementId());
    List<Point> points = edge.points();
    group.appendChild(new Element("polyline").setAttribute("points", points(points)));
    if (points.size() >= 2) {
      group.appendChild(arrowHead(points.get(points.size() - 2), points.getLast()));
    }
    if (!edge.name().isEmpty()) {
      group.appendChild(new Element("title").setText(edge.name()));
      group.appendChild(edgeLabel(edge.name(), points));
    }
    return group;
  }

  private static Element edgeLabel(String name, List<Point> points) {
    Point a = points.getFirst();
    Point b = points.size() > 1 ? points.get(1) : a;
    boolean vertical = Math.abs(b.y() - a.y()) > Math.abs(b.x() - a.x());
    List<String> lines = wrap(name, 12, 2);
    double x = (a.x() + b.x()) / 2 + (vertical ? 5 : 0);
    double y = (a.y() + b.y()) / 2 - (vertical ? 0 : 4 + lines.size() * LABEL_LINE / 2);
    Element text = text(lines, x, y, LABEL_LINE).setAttribute("class", "label");
    return vertical ? text.setAttribute("text-anchor", "start") : text;
  }

  private static Element arrowHead(Point from, Point tip) {
    double dx = tip.x() - from.x();
    double dy = tip.y() - from.y();
    double length = Math.hypot(dx, dy);
    if (length == 0) {
      return new Element("polygon");
    }
    double ux = dx / length;
    double uy = dy / length;
    double bx = tip.x() - ux * ARROW_LENGTH;
    double by = tip.y() - uy * ARROW_LENGTH;
    return new Element("polygon")
        .setAttribute(
            "points",
            points(
                List.of(
                    tip,
                    new Point(bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH),
                    new Point(bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH))));
  }

  /** Centred lines around ({@code x}, {@code cy}). */
  private static Element text(List<String> lines, double x, double cy, double lineHeight) {
    Element text =
        new Element("text")
            .setAttribute("x", n(x))
            .setAttribute("y", n(cy - (lines.size() - 1) * lineHeight / 2))
            .setAttribute("text-anchor", "middle")
            .setAttribute("dominant-baseline", "central");
    for (int i = 0; i < lines.size(); i++) {
      text.appendChild(
          new Element("tspan")
              .setAttribute("x", n(x))
              .setAttribute("dy", i == 0 ? "0" : n(lineHeight))
              .setText(lines.get(i)));
    }
    return text;
  }

  /**
   * Words into at most {@code maxLines} lines of about {@code maxChars}; what does not fit ends in
   * an ellipsis (the full name is the hover text).
   */
  static List<String> wrap(String text, int maxChars, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > maxChars) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(maxLines, lines.size())));
    for (int i = 0; i < kept.size(); i++) {
      boolean cut = i == kept.size() - 1 && lines.size() > maxLines;
      String s = kept.get(i);
      if (s.length() > maxChars || cut) {
        kept.set(i, s.substring(0, Math.min(s.length(), maxChars - 1)).stripTrailing() + "…");
      }
    }
    return kept;
  }

  private static boolean leavesFromBottom(DiagramShape shape, List<DiagramEdge> edges) {
    double bottom = shape.y() + shape.height();
    return edges.stream()
        .map(DiagramEdge::points)
        .filter(p -> !p.isEmpty())
        .map(List::getFirst)
        .anyMatch(p -> Math.abs(p.x() - shape.centreX()) < 2 && Math.abs(p.y() - bottom) < 2);
  }

  private static String title(DiagramShape shape) {
    return shape.name().isEmpty() ? shape.elementId() : shape.name();
  }

  private static Element circle(double cx, double cy, double r) {
    return new Element("circle")
        .setAttribute("cx", n(cx))
        .setAttribute("cy", n(cy))
        .setAttribute("r", n(r));
  }

  private static Element rect(DiagramShape shape, double radius) {
    return new Element("rect")
        .setAttribute("x", n(shape.x()))
        .setAttribute("y", n(shape.y()))
        .setAttribute("width", n(shape.width()))
        .setAttribute("height", n(shape.height()))
        .setAttribute("rx", n(radius));
  }

  private static int chars(double width, double charWidth) {
    return Math.max(4, (int) (width / charWidth));
  }

  static String points(List<Point> points) {
    return points.stream().map(p -> n(p.x()) + "," + n(p.y())).collect(Collectors.joining(" "));
  }

  /** Short numbers: diagram units are whole pixels nearly always. */
  static String n(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
