package org.mlplatform.portal.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.CanaryEvidence;

class CanaryEvidenceBoardTest {

  private static final ModelVersionId CANARY = ModelVersionId.of("fraud", 2);
  private static final ModelVersionId CHAMPION = ModelVersionId.of("fraud", 1);

  @Test
  void aVersionsEvidenceIsThisNodesLiveCountersPlusEveryOtherWritersLast() {
    Map<String, String> board =
        Map.of(
            CanaryEvidenceBoard.key("node-1@100", CANARY),
            CanaryEvidenceBoard.encode(new CanaryEvidence(999, 9, 9_000), 1),
            CanaryEvidenceBoard.key("node-2@200", CANARY),
            CanaryEvidenceBoard.encode(new CanaryEvidence(40, 2, 4_000), 1),
            // node 2 before its restart: its counters then still count
            CanaryEvidenceBoard.key("node-2@50", CANARY),
            CanaryEvidenceBoard.encode(new CanaryEvidence(10, 1, 1_000), 1),
            CanaryEvidenceBoard.key("node-2@200", CHAMPION),
            CanaryEvidenceBoard.encode(new CanaryEvidence(500, 0, 50_000), 1),
            // another model whose name ends the same way
            CanaryEvidenceBoard.key("node-2@200", ModelVersionId.of("xfraud", 2)),
            CanaryEvidenceBoard.encode(new CanaryEvidence(7, 0, 700), 1));

    CanaryEvidence total =
        CanaryEvidenceBoard.sum(board, CANARY, "node-1@100", new CanaryEvidence(100, 3, 10_000));

    // node 1's own entry is replaced by its live counters
    assertThat(total).isEqualTo(new CanaryEvidence(150, 6, 15_000));
  }

  @Test
  void aloneTheEvidenceIsThisNodesOwn() {
    CanaryEvidence own = new CanaryEvidence(5, 1, 500);

    assertThat(CanaryEvidenceBoard.sum(Map.of(), CANARY, "node-1@1", own)).isEqualTo(own);
  }
}
