package org.mlplatform.portal.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlplatform.workflows.diagram.ProcessDiagram;
import org.mlplatform.workflows.diagram.ProcessDiagrams;

/** The promotion diagram's element tree, without a running UI. */
class ProcessDiagramViewTest {

  private final ProcessDiagram promotion =
      ProcessDiagrams.fromResource("bpmn/model-promotion.bpmn");

  private final ProcessDiagramView view =
      new ProcessDiagramView(promotion, Set.of("reviewPromotion"), Set.of("promotionRequested"));

  private final Element svg = view.getElement().getChild(0);

  @Test
  void drawsAnSvgThatScalesToItsWidth() {
    assertThat(svg.getTag()).isEqualTo("svg");
    assertThat(svg.getAttribute("id")).isEqualTo(ProcessDiagramView.SVG_ID);
    assertThat(svg.getAttribute("viewBox"))
        .isEqualTo(
            "0 0 " + DiagramSvg.n(promotion.width()) + " " + DiagramSvg.n(promotion.height()));
    assertThat(svg.getAttribute("width")).isEqualTo("100%");
    assertThat(svg.getStyle().get("max-width")).isEqualTo(DiagramSvg.n(promotion.width()) + "px");
  }

  @Test
  void drawsEveryShapeOnceWithItsState() {
    Map<String, Element> shapes = shapes();

    assertThat(shapes).hasSize(promotion.shapes().size());
    assertThat(shapes.get("reviewPromotion").getAttribute("data-state")).isEqualTo("active");
    assertThat(shapes.get("promotionRequested").getAttribute("data-state")).isEqualTo("completed");
    assertThat(shapes.values())
        .filteredOn(s -> "idle".equals(s.getAttribute("data-state")))
        .hasSize(promotion.shapes().size() - 2);
  }

  @Test
  void drawsEachKindWithItsOwnOutlineAndAHoverTitle() {
    Map<String, Element> shapes = shapes();

    assertThat(childTags(shapes.get("promotionRequested")))
        .containsExactly("title", "circle", "text");
    assertThat(childTags(shapes.get("reviewPromotion"))).containsExactly("title", "rect", "text");
    assertThat(childTags(shapes.get("reviewDecision"))).containsExactly("title", "polygon", "text");
    assertThat(childTags(shapes.get("reviewOverdue")))
        .containsExactly("title", "circle", "circle", "text");
    assertThat(shapes.get("promotionRejected").getAttribute("class")).contains("end-event");
    assertThat(shapes.get("reviewPromotion").getChild(0).getText())
        .isEqualTo("Review promotion of ${model} v${version} to ${alias}");
    assertThat(shapes.get("reviewPromotion").getChild(1).getAttribute("rx")).isEqualTo("10");
  }

  @Test
  void wrapsTaskNamesIntoCentredLinesInsideTheBox() {
    Element text = shapes().get("runChecks").getChild(2);

    assertThat(text.getAttribute("text-anchor")).isEqualTo("middle");
    assertThat(text.getChildren().map(Element::getTextRecursively))
        .containsExactly("Run automated", "checks");
    assertThat(DiagramSvg.wrap("Review promotion of fraud v12 to champion", 15, 3))
        .containsExactly("Review", "promotion of", "fraud v12 to…");
    assertThat(DiagramSvg.wrap("Supercalifragilistic", 8, 2)).containsExactly("Superca…");
  }

  @Test
  void drawsFlowsWithArrowHeadsAndNames() {
    List<Element> edges = descendants(svg).filter(e -> e.hasAttribute("data-edge-id")).toList();
    Element approved =
        edges.stream()
            .filter(e -> "approved".equals(e.getAttribute("data-edge-id")))
            .findFirst()
            .orElseThrow();

    assertThat(edges).hasSize(promotion.edges().size());
    assertThat(childTags(approved)).containsExactly("polyline", "polygon", "title", "text");
    assertThat(approved.getChild(0).getAttribute("points"))
        .isEqualTo(DiagramSvg.points(promotion.edge("approved").orElseThrow().points()));
    assertThat(approved.getChild(3).getTextRecursively()).isEqualTo("approve");
  }

  @Test
  void showsNewProgressWithoutRedrawing() {
    Element review = shapes().get("reviewPromotion");

    view.showProgress(Set.of("reviewDecision"), Set.of("promotionRequested", "reviewPromotion"));

    assertThat(shapes().get("reviewPromotion").getNode()).isSameAs(review.getNode());
    assertThat(review.getAttribute("data-state")).isEqualTo("completed");
    assertThat(shapes().get("reviewDecision").getAttribute("data-state")).isEqualTo("active");
  }

  private Map<String, Element> shapes() {
    return descendants(svg)
        .filter(e -> e.hasAttribute("data-element-id"))
        .collect(Collectors.toMap(e -> e.getAttribute("data-element-id"), Function.identity()));
  }

  private static List<String> childTags(Element element) {
    return element.getChildren().map(Element::getTag).toList();
  }

  private static Stream<Element> descendants(Element element) {
    return element.getChildren().flatMap(c -> Stream.concat(Stream.of(c), descendants(c)));
  }
}
