package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.workflows.diagram.DiagramShape;
import org.mlplatform.workflows.diagram.ProcessDiagram;

/**
 * A process diagram with an instance's position on it, drawn as inline SVG built with the Element
 * API (no frontend bundle can be built here). Shapes carry {@code data-element-id} and {@code
 * data-state} ("active", "completed" or "idle") so that browser tests can find them; the SVG scales
 * down to the width it is given.
 */
public class ProcessDiagramView extends Div {

  /** The id of the {@code <svg>} element. */
  public static final String SVG_ID = "process-diagram";

  public static final String ACTIVE = "active";
  public static final String COMPLETED = "completed";
  public static final String IDLE = "idle";

  private final ProcessDiagram diagram;
  private final Element svg;
  private final Map<String, Element> shapes = new LinkedHashMap<>();

  /** The diagram with every element idle. */
  public ProcessDiagramView(ProcessDiagram diagram) {
    this(diagram, Set.of(), Set.of());
  }

  /**
   * @param active ids of elements where the instance waits now (a user task, a timer)
   * @param completed ids of elements the instance has passed
   */
  public ProcessDiagramView(ProcessDiagram diagram, Set<String> active, Set<String> completed) {
    this.diagram = Objects.requireNonNull(diagram, "diagram");
    addClassName("mlp-process-diagram-view");
    setWidthFull();
    svg = svg(diagram);
    getElement().appendChild(svg);
    // Vaadin lower-cases attribute names, and SVG ignores "viewbox": set the real one in the
    // browser.
    String viewBox = svg.getAttribute("viewBox");
    addAttachListener(e -> svg.executeJs("this.setAttribute('viewBox', $0)", viewBox));
    showProgress(active, completed);
  }

  /**
   * Marks where the instance stands, without redrawing. An element in both sets (a loop that came
   * back to it) counts as active.
   */
  public void showProgress(Set<String> active, Set<String> completed) {
    shapes.forEach(
        (id, shape) ->
            shape.setAttribute(
                "data-state",
                active.contains(id) ? ACTIVE : completed.contains(id) ? COMPLETED : IDLE));
  }

  public ProcessDiagram diagram() {
    return diagram;
  }

  private Element svg(ProcessDiagram diagram) {
    Element root =
        new Element("svg")
            .setAttribute("id", SVG_ID)
            .setAttribute("class", "mlp-process-diagram")
            .setAttribute(
                "viewBox",
                "0 0 " + DiagramSvg.n(diagram.width()) + " " + DiagramSvg.n(diagram.height()))
            .setAttribute("width", "100%")
            .setAttribute("role", "img")
            .setAttribute("aria-label", diagram.processName());
    // Never wider than drawn: a small process should not blow up to the page's width.
    root.getStyle().set("max-width", DiagramSvg.n(diagram.width()) + "px").set("height", "auto");
    root.getStyle().set("display", "block");
    root.appendChild(new Element("style").setText(DiagramSvg.STYLE));
    // Containers and annotations at the back; flows over shapes so that their names stay
    // readable where they reach into a box; boundary events over the flows leaving them.
    diagram.shapes().stream()
        .filter(s -> s.kind() == DiagramShape.Kind.OTHER)
        .forEach(s -> addShape(root, s));
    diagram.shapes().stream()
        .filter(s -> s.kind() != DiagramShape.Kind.OTHER)
        .filter(s -> s.kind() != DiagramShape.Kind.BOUNDARY_EVENT)
        .forEach(s -> addShape(root, s));
    diagram.edges().forEach(e -> root.appendChild(DiagramSvg.edge(e)));
    diagram.shapes().stream()
        .filter(s -> s.kind() == DiagramShape.Kind.BOUNDARY_EVENT)
        .forEach(s -> addShape(root, s));
    return root;
  }

  private void addShape(Element root, DiagramShape shape) {
    Element element = DiagramSvg.shape(shape, diagram.edges());
    shapes.put(shape.elementId(), element);
    root.appendChild(element);
  }
}
