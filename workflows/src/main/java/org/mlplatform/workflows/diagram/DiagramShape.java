package org.mlplatform.workflows.diagram;

import java.util.Objects;

/**
 * One BPMN element as drawn: its id, what kind of element it is, its name (empty when unnamed) and
 * its bounds in diagram coordinates.
 */
public record DiagramShape(
    String elementId, Kind kind, String name, double x, double y, double width, double height) {

  /** The kinds a renderer draws differently; anything else (lanes, data objects...) is OTHER. */
  public enum Kind {
    START_EVENT,
    END_EVENT,
    /** Any other task or call activity: drawn like a task, without a marker. */
    TASK,
    USER_TASK,
    SERVICE_TASK,
    GATEWAY,
    /** Intermediate catch or throw events (timer, message...). */
    INTERMEDIATE_EVENT,
    BOUNDARY_EVENT,
    OTHER;

    public boolean isEvent() {
      return this == START_EVENT
          || this == END_EVENT
          || this == INTERMEDIATE_EVENT
          || this == BOUNDARY_EVENT;
    }

    public boolean isTask() {
      return this == TASK || this == USER_TASK || this == SERVICE_TASK;
    }
  }

  public DiagramShape {
    Objects.requireNonNull(elementId, "elementId");
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name;
  }

  public double centreX() {
    return x + width / 2;
  }

  public double centreY() {
    return y + height / 2;
  }
}
