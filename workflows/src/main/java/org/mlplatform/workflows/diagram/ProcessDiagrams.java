package org.mlplatform.workflows.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.ModelException;
import org.mlplatform.workflows.diagram.DiagramEdge.Point;
import org.mlplatform.workflows.diagram.DiagramShape.Kind;

/**
 * Reads the diagram of a BPMN file with Camunda's model API (parsing only: no engine needed). Only
 * the first diagram is read, which is the one modellers write for a single-process file.
 */
public final class ProcessDiagrams {

  /**
   * Space kept around the drawing, in diagram units: event names are drawn below their circles and
   * would otherwise be cut off at the edges.
   */
  public static final double MARGIN = 30;

  private ProcessDiagrams() {}

  /** Reads a BPMN file from the class path, e.g. {@code bpmn/model-promotion.bpmn}. */
  public static ProcessDiagram fromResource(String resourceName) {
    try (InputStream in =
        ProcessDiagrams.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "No BPMN resource " + resourceName + " on the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a BPMN 2.0 file's first diagram.
   *
   * @throws IllegalArgumentException if the stream is not BPMN 2.0 or holds no diagram information
   *     (Camunda's own exceptions are translated so that callers need no Camunda import)
   */
  public static ProcessDiagram read(InputStream bpmnXml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(Objects.requireNonNull(bpmnXml, "bpmnXml"));
    } catch (ModelException e) {
      throw new IllegalArgumentException("Not a readable BPMN 2.0 file: " + rootMessage(e), e);
    }
    BpmnPlane plane =
        model.getModelElementsByType(BpmnDiagram.class).stream()
            .map(BpmnDiagram::getBpmnPlane)
            .filter(p -> p != null && !p.getDiagramElements().isEmpty())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The BPMN file has no diagram information (no BPMNDiagram with shapes);"
                            + " lay the process out in a BPMN modeller and save it again"));
    Process process = process(model, plane);
    return normalised(process, plane.getDiagramElements());
  }

  private static Process process(BpmnModelInstance model, BpmnPlane plane) {
    if (plane.getBpmnElement() instanceof Process process) {
      return process;
    }
    if (plane.getBpmnElement() instanceof Collaboration collaboration) {
      for (Participant participant : collaboration.getParticipants()) {
        if (participant.getProcess() != null) {
          return participant.getProcess();
        }
      }
    }
    return model.getModelElementsByType(Process.class).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The BPMN file defines no process"));
  }

  /** Shifts every coordinate so the drawing's top-left corner lands at (MARGIN, MARGIN). */
  private static ProcessDiagram normalised(Process process, Collection<DiagramElement> elements) {
    List<DiagramShape> shapes = new ArrayList<>();
    List<DiagramEdge> edges = new ArrayList<>();
    for (DiagramElement element : elements) {
      if (element instanceof BpmnShape shape && shape.getBounds() != null) {
        shapes.add(shape(shape));
      } else if (element instanceof BpmnEdge edge && !edge.getWaypoints().isEmpty()) {
        edges.add(edge(edge));
      }
    }
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("The BPMN diagram has no shapes with bounds");
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (DiagramShape s : shapes) {
      minX = Math.min(minX, s.x());
      minY = Math.min(minY, s.y());
      maxX = Math.max(maxX, s.x() + s.width());
      maxY = Math.max(maxY, s.y() + s.height());
    }
    for (DiagramEdge e : edges) {
      for (Point p : e.points()) {
        minX = Math.min(minX, p.x());
        minY = Math.min(minY, p.y());
        maxX = Math.max(maxX, p.x());
        maxY = Math.max(maxY, p.y());
      }
    }
    double dx = MARGIN - minX;
    double dy = MARGIN - minY;
    return new ProcessDiagram(
        process.getId(),
        process.getName(),
        maxX - minX + 2 * MARGIN,
        maxY - minY + 2 * MARGIN,
        shapes.stream()
            .map(
                s ->
                    new DiagramShape(
                        s.elementId(),
                        s.kind(),
                        s.name(),
                        s.x() + dx,
                        s.y() + dy,
                        s.width(),
                        s.height()))
            .toList(),
        edges.stream()
            .map(
                e ->
                    new DiagramEdge(
                        e.elementId(),
                        e.name(),
                        e.points().stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList()))
            .toList());
  }

  private static DiagramShape shape(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    Bounds bounds = shape.getBounds();
    return new DiagramShape(
        element == null ? shape.getId() : element.getId(),
        kind(element),
        element == null ? "" : element.getAttributeValue("name"),
        bounds.getX(),
        bounds.getY(),
        bounds.getWidth(),
        bounds.getHeight());
  }

  private static DiagramEdge edge(BpmnEdge edge) {
    BaseElement element = edge.getBpmnElement();
    List<Point> points = new ArrayList<>();
    for (Waypoint waypoint : edge.getWaypoints()) {
      points.add(new Point(waypoint.getX(), waypoint.getY()));
    }
    return new DiagramEdge(
        element == null ? edge.getId() : element.getId(),
        element == null ? "" : element.getAttributeValue("name"),
        points);
  }

  /** The parser's own words (line, expected element), which Camunda wraps in a generic message. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }

  /** Subtypes before their supertypes: a user task is also a task, a boundary event a catch. */
  static Kind kind(BaseElement element) {
    return switch (element) {
      case null -> Kind.OTHER;
      case StartEvent _ -> Kind.START_EVENT;
      case EndEvent _ -> Kind.END_EVENT;
      case BoundaryEvent _ -> Kind.BOUNDARY_EVENT;
      case IntermediateCatchEvent _, IntermediateThrowEvent _ -> Kind.INTERMEDIATE_EVENT;
      case UserTask _ -> Kind.USER_TASK;
      case ServiceTask _ -> Kind.SERVICE_TASK;
      case Task _, CallActivity _ -> Kind.TASK;
      case Gateway _ -> Kind.GATEWAY;
      default -> Kind.OTHER;
    };
  }
}
