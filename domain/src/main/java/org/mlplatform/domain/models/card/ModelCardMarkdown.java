package org.mlplatform.domain.models.card;

import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.TensorSpec;

/**
 * Renders a version's model card as one Markdown document: the card's text, then the facts the
 * registry recorded (metrics, hyperparameters, signature, lineage). Everything that came from a
 * person or a model file is escaped; only numbers, enum names and hashes the registry checked are
 * written as they are.
 */
public final class ModelCardMarkdown {

  private static final String NOT_PROVIDED = "*Not provided.*";

  private final StringBuilder out = new StringBuilder(4096);

  private ModelCardMarkdown() {}

  public static String render(ModelDefinition model, ModelVersion version, ModelCard card) {
    if (!model.name().equals(version.model()) || !card.version().equals(version.id())) {
      throw new IllegalArgumentException(
          "the card of " + card.version() + " does not belong to " + version.id());
    }
    ModelCardMarkdown document = new ModelCardMarkdown();
    document.header(model, version, card);
    document.cardText(card);
    document.metrics(version);
    document.signature(version.signature());
    document.lineage(version);
    return document.out.toString();
  }

  private void header(ModelDefinition model, ModelVersion version, ModelCard card) {
    out.append("# Model card: ")
        .append(MarkdownText.inline(version.model().value()))
        .append(" version ")
        .append(version.number())
        .append("\n\n");
    if (!model.description().isBlank()) {
      out.append(MarkdownText.block(model.description())).append("\n\n");
    }
    table(
        List.of("Field", "Value"),
        List.of(
            List.of("Model", version.model().value()),
            List.of("Version", Integer.toString(version.number())),
            List.of("Owner", model.owner()),
            List.of("Tags", String.join(", ", model.tags().stream().sorted().toList())),
            List.of("Registered by", version.registeredBy()),
            List.of("Registered at", version.registeredAt().toString()),
            List.of("Format", version.format()),
            List.of("SHA-256", version.artifact().sha256()),
            List.of("Size (bytes)", Long.toString(version.artifact().size())),
            List.of("Card last edited", lastEdited(card))));
    section("Version description", version.description());
  }

  private void cardText(ModelCard card) {
    section("Intended use", card.intendedUse());
    section("Limitations", card.limitations());
    section("Ethical considerations", card.ethicalConsiderations());
    section("Training data", card.trainingDataSummary());
  }

  private void metrics(ModelVersion version) {
    heading("Metrics");
    if (version.metrics().isEmpty()) {
      out.append(NOT_PROVIDED).append("\n\n");
    } else {
      table(List.of("Metric", "Value"), entries(version.metrics()));
    }
    heading("Hyperparameters");
    if (version.hyperparameters().isEmpty()) {
      out.append(NOT_PROVIDED).append("\n\n");
    } else {
      table(List.of("Hyperparameter", "Value"), entries(version.hyperparameters()));
    }
  }

  private void signature(ModelSignature signature) {
    heading("Signature");
    out.append("Opset ")
        .append(signature.opset())
        .append(", produced by ")
        .append(
            MarkdownText.inline(
                (signature.producerName() + " " + signature.producerVersion()).strip()))
        .append(".\n\n");
    out.append("### Inputs\n\n");
    table(List.of("Name", "Kind", "Type", "Shape"), tensors(signature.inputs()));
    out.append("### Outputs\n\n");
    table(List.of("Name", "Kind", "Type", "Shape"), tensors(signature.outputs()));
  }

  private void lineage(ModelVersion version) {
    ModelLineage lineage = version.lineage();
    heading("Lineage");
    item("Source", lineage.source().name());
    item("Training set", lineage.trainingSetId().orElse("none"));
    item("Feature service", lineage.featureService().orElse("none"));
    item("Retrained from", version.parent().map(p -> "version " + p.number()).orElse("none"));
    item("Algorithm", lineage.algorithm().orElse("none"));
    item(
        "Labels (in output order)",
        lineage.labelNames().isEmpty() ? "none" : String.join(", ", lineage.labelNames()));
    out.append('\n');
    if (!lineage.featureMapping().isEmpty()) {
      out.append("### Features feeding input ")
          .append(MarkdownText.inline(lineage.featureMapping().input()))
          .append("\n\n");
      List<String> features = lineage.featureMapping().features();
      for (int i = 0; i < features.size(); i++) {
        out.append(i + 1).append(". ").append(MarkdownText.inline(features.get(i))).append('\n');
      }
      out.append('\n');
    }
  }

  private void section(String title, String text) {
    heading(title);
    out.append(text.isBlank() ? NOT_PROVIDED : MarkdownText.block(text)).append("\n\n");
  }

  private void heading(String title) {
    out.append("## ").append(title).append("\n\n");
  }

  private void item(String label, String value) {
    out.append("- ").append(label).append(": ").append(MarkdownText.inline(value)).append('\n');
  }

  private void table(List<String> header, List<List<String>> rows) {
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> out.append(" --- |"));
    out.append('\n');
    for (List<String> row : rows) {
      out.append("|");
      row.forEach(cell -> out.append(' ').append(MarkdownText.inline(cell)).append(" |"));
      out.append('\n');
    }
    out.append('\n');
  }

  private static List<List<String>> entries(Map<String, ?> values) {
    return values.entrySet().stream()
        .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
        .toList();
  }

  private static List<List<String>> tensors(List<TensorSpec> specs) {
    return specs.stream()
        .map(
            s ->
                List.of(
                    s.name(),
                    s.kind().name(),
                    s.elementType() == null ? s.detail() : s.elementType().name(),
                    s.shape().toString()))
        .toList();
  }

  private static String lastEdited(ModelCard card) {
    return card.updatedAt().map(at -> card.updatedBy() + " at " + at).orElse("never");
  }
}
