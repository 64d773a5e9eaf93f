package org.mlplatform.workflows.diagram;

import java.util.List;
import java.util.Objects;

/** A sequence flow (or other connection) as drawn: its id, name (empty when unnamed) and path. */
public record DiagramEdge(String elementId, String name, List<Point> points) {

  /** A waypoint in diagram coordinates. */
  public record Point(double x, double y) {}

  public DiagramEdge {
    Objects.requireNonNull(elementId, "elementId");
    name = name == null ? "" : name;
    points = List.copyOf(points);
  }
}
