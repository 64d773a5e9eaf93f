package org.mlplatform.domain.models.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.InMemoryModelRepository;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelFixtures;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;

class ModelCardMarkdownTest {

  @Test
  void escapesEverythingThatCouldBecomeMarkupLinksOrHtml() {
    assertThat(
            MarkdownText.inline("**bold** _it_ `code` [x](http://e.vil) <script>&amp; a|b ~~s~~ #"))
        .isEqualTo(
            "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[x\\]\\(http://e.vil\\) \\<script\\>\\&amp; a\\|b"
                + " \\~\\~s\\~\\~ \\#");
    assertThat(MarkdownText.inline("line one\nline | two")).isEqualTo("line one line \\| two");
    assertThat(MarkdownText.inline("back\\slash")).isEqualTo("back\\\\slash");
  }

  @Test
  void escapesWhatOnlyMattersAtTheStartOfALineAndDropsIndentation() {
    assertThat(MarkdownText.block("# not a heading\n> no quote\n- no list\n+ nor this\n1. no item"))
        .isEqualTo("\\# not a heading\n\\> no quote\n\\- no list\n\\+ nor this\n1\\. no item");
    assertThat(MarkdownText.block("text\n===\n    not code\n\nnext paragraph"))
        .isEqualTo("text\n\\===\nnot code\n\nnext paragraph");
    assertThat(MarkdownText.block("a - b 1. c")).isEqualTo("a - b 1. c");
  }

  @Test
  void rendersCardTextMetricsSignatureAndLineageInOneDocument() {
    ModelRegistry registry = new ModelRegistry(new InMemoryModelRepository());
    ResourceName fraud = new ResourceName("fraud_model");
    registry.createModel(fraud, "Catches *fraud*", "risk-team", Set.of("payments"));
    ModelVersion version =
        registry.registerVersion(
            fraud,
            ModelFixtures.trained(
                List.of("txn_stats:amount_avg", "txn_stats:count_7d"),
                null,
                Map.of("epochs", "5")));
    registry.updateCard(
        version.id(),
        new CardText(
            "Screen card payments.\n# Not a heading",
            "<img src=x onerror=alert(1)>",
            "",
            "March [data](http://x)"),
        "carol");

    String markdown = registry.cardMarkdown(version.id());

    assertThat(markdown)
        .startsWith("# Model card: fraud\\_model version 1\n\nCatches \\*fraud\\*\n")
        .contains("| Owner | risk-team |")
        .contains("| SHA-256 | " + "b".repeat(64) + " |")
        .contains("| Card last edited | carol at ")
        .contains("## Intended use\n\nScreen card payments.\n\\# Not a heading\n")
        .contains("## Limitations\n\n\\<img src=x onerror=alert\\(1\\)\\>\n")
        .contains("## Ethical considerations\n\n*Not provided.*\n")
        .contains("## Training data\n\nMarch \\[data\\]\\(http://x\\)\n")
        .contains("| auc | 0.9 |")
        .contains("| epochs | 5 |")
        .contains("Opset 13, produced by org.tribuo 4.3.2.")
        .contains("| input | TENSOR | FP32 | [batch, 2] |".replace("[", "\\[").replace("]", "\\]"))
        .contains("- Source: TRAINED\n")
        .contains("- Training set: " + ModelFixtures.TRAINING_SET + "\n")
        .contains("- Feature service: fraud\\_features:2\n")
        .contains("- Retrained from: none\n")
        .contains("- Labels (in output order): legit, fraud\n")
        .contains(
            "### Features feeding input input\n\n1. txn\\_stats:amount\\_avg\n2. txn\\_stats:count\\_7d\n")
        .doesNotContainPattern("(?<!\\\\)<");
  }

  @Test
  void refusesACardOfAnotherVersion() {
    ModelRegistry registry = new ModelRegistry(new InMemoryModelRepository());
    ResourceName fraud = new ResourceName("fraud");
    ModelDefinition model = registry.createModel(fraud, "", "", Set.of());
    ModelVersion version = registry.registerVersion(fraud, ModelFixtures.uploaded("", Map.of()));

    assertThatThrownBy(
            () ->
                ModelCardMarkdown.render(
                    model, version, ModelCard.blank(new ModelVersionId(fraud, 2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelCardMarkdown.render(model, version, ModelCard.blank(version.id())))
        .contains("| Card last edited | never |")
        .contains("| Registered at | ");
  }
}
