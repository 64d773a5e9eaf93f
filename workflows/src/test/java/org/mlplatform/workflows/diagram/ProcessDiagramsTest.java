package org.mlplatform.workflows.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.workflows.diagram.DiagramEdge.Point;
import org.mlplatform.workflows.diagram.DiagramShape.Kind;

class ProcessDiagramsTest {

  private static final double M = ProcessDiagrams.MARGIN;

  @Test
  void readsThePromotionProcessWithItsElementsAndFlows() {
    ProcessDiagram diagram = ProcessDiagrams.fromResource("bpmn/model-promotion.bpmn");

    assertThat(diagram.processKey()).isEqualTo("modelPromotion");
    assertThat(diagram.processName()).isEqualTo("Model promotion");
    assertThat(diagram.shape("promotionRequested").orElseThrow().kind())
        .isEqualTo(Kind.START_EVENT);
    assertThat(diagram.shape("reviewPromotion").orElseThrow())
        .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.USER_TASK))
        .satisfies(s -> assertThat(s.name()).startsWith("Review promotion of"))
        .satisfies(s -> assertThat(s.width()).isEqualTo(100))
        .satisfies(s -> assertThat(s.height()).isEqualTo(80));
    assertThat(diagram.shape("reviewDecision").orElseThrow().kind()).isEqualTo(Kind.GATEWAY);
    assertThat(diagram.shape("reviewDecision").orElseThrow().name()).isEqualTo("Approved?");
    assertThat(diagram.edge("toDecision").orElseThrow().points()).hasSize(2);
    assertThat(diagram.edge("approved").orElseThrow().name()).isEqualTo("approve");
    assertThat(diagram.edge("rejected").orElseThrow().name()).isEqualTo("reject");
    assertThat(diagram.edge("toChecks").orElseThrow().name()).isEmpty();
  }

  @Test
  void keepsRelativePositionsAndMovesTheDrawingToTheMargin() {
    ProcessDiagram diagram = ProcessDiagrams.fromResource("bpmn/model-promotion.bpmn");
    DiagramShape start = diagram.shape("promotionRequested").orElseThrow();
    DiagramShape review = diagram.shape("reviewPromotion").orElseThrow();
    Point first = diagram.edge("toDecision").orElseThrow().points().getFirst();

    // In the file: start at (100, 222), review at (410, 200), toDecision from (510, 240).
    assertThat(review.x() - start.x()).isEqualTo(310);
    assertThat(review.y() - start.y()).isEqualTo(-22);
    assertThat(first.x() - review.x()).isEqualTo(100);
    assertThat(first.y() - review.y()).isEqualTo(40);
    assertThat(diagram.shapes().stream().mapToDouble(DiagramShape::x).min().orElseThrow())
        .isEqualTo(M);
    assertThat(diagram.shapes().stream().mapToDouble(DiagramShape::y).min().orElseThrow())
        .isEqualTo(M);
    assertThat(diagram.shapes())
        .allSatisfy(s -> assertThat(s.x() + s.width()).isLessThanOrEqualTo(diagram.width() - M))
        .allSatisfy(s -> assertThat(s.y() + s.height()).isLessThanOrEqualTo(diagram.height() - M));
  }

  @Test
  void readsEventsAndTasksOfEveryKindFromAHandDrawnFile() {
    ProcessDiagram diagram = ProcessDiagrams.fromResource("diagram/reminder.bpmn");

    assertThat(diagram.processKey()).isEqualTo("reminder");
    assertThat(diagram.shapes())
        .extracting(DiagramShape::elementId, DiagramShape::kind)
        .containsExactly(
            tuple("asked", Kind.START_EVENT),
            tuple("answer", Kind.USER_TASK),
            tuple("answerLate", Kind.BOUNDARY_EVENT),
            tuple("nudge", Kind.SERVICE_TASK),
            tuple("nudged", Kind.END_EVENT),
            tuple("answerReceived", Kind.INTERMEDIATE_EVENT),
            tuple("thank", Kind.TASK),
            tuple("done", Kind.END_EVENT),
            tuple("note", Kind.OTHER));
    assertThat(diagram.shape("nudged").orElseThrow().name()).isEmpty();
    assertThat(diagram.edges())
        .extracting(DiagramEdge::elementId)
        .containsExactly(
            "toAnswer", "toNudge", "toNudged", "toWait", "toCheck", "toDone", "noteLink");
  }

  @Test
  void normalisesToExactCoordinates() {
    ProcessDiagram diagram = ProcessDiagrams.fromResource("diagram/reminder.bpmn");

    // The file's drawing spans x 200..708 and y 100..320.
    assertThat(diagram.width()).isEqualTo(508 + 2 * M);
    assertThat(diagram.height()).isEqualTo(220 + 2 * M);
    assertThat(diagram.shape("asked").orElseThrow())
        .isEqualTo(new DiagramShape("asked", Kind.START_EVENT, "Asked", M, 22 + M, 36, 36));
    assertThat(diagram.edge("toNudge").orElseThrow())
        .isEqualTo(
            new DiagramEdge(
                "toNudge",
                "late",
                List.of(new Point(130 + M, 98 + M), new Point(130 + M, 140 + M))));
  }

  @Test
  void refusesAFileWithoutDiagramInformation() {
    String withoutLayout =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
                     targetNamespace="https://mlplatform.org/bpmn/test">
          <process id="bare" isExecutable="false">
            <startEvent id="start"/>
          </process>
        </definitions>
        """;

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> ProcessDiagrams.read(utf8(withoutLayout)));

    assertThat(refused).hasMessageContaining("no diagram information");
  }

  @Test
  void refusesWhatIsNotBpmnWithoutLeakingCamundaExceptions() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> ProcessDiagrams.read(utf8("<not-bpmn/>")));

    assertThat(refused).hasMessageStartingWith("Not a readable BPMN 2.0 file");
    assertThrows(
        IllegalArgumentException.class, () -> ProcessDiagrams.fromResource("bpmn/missing.bpmn"));
  }

  private static ByteArrayInputStream utf8(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
