package org.mlplatform.workflows.diagram;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A process's diagram, with coordinates moved so that the drawing starts at a small margin from
 * (0,0); {@code width} and {@code height} include the margin on both sides.
 */
public record ProcessDiagram(
    String processKey,
    String processName,
    double width,
    double height,
    List<DiagramShape> shapes,
    List<DiagramEdge> edges) {

  public ProcessDiagram {
    Objects.requireNonNull(processKey, "processKey");
    processName = processName == null || processName.isBlank() ? processKey : processName;
    shapes = List.copyOf(shapes);
    edges = List.copyOf(edges);
  }

  public Optional<DiagramShape> shape(String elementId) {
    return shapes.stream().filter(s -> s.elementId().equals(elementId)).findFirst();
  }

  public Optional<DiagramEdge> edge(String elementId) {
    return edges.stream().filter(e -> e.elementId().equals(elementId)).findFirst();
  }
}
