package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.training.TrainingSetDetailView;

/**
 * One model version: its signature, metrics and hyperparameters, its lineage as a graph (feature
 * views → training set → this version ← the version it was retrained from), the model card
 * (editable by data scientists, downloadable as Markdown) and the ONNX file.
 */
@Route("models/:name/versions/:version")
@PageTitle("Model version | MLP")
@PermitAll
@Dependent
public class ModelVersionView extends VerticalLayout implements BeforeEnterObserver {

  private final ModelStore models;
  private final ModelArtifacts artifacts;
  private final LineageGraph lineageGraph;
  private final ModelPromotions promotions;

  @Inject
  public ModelVersionView(
      ModelStore models,
      ModelArtifacts artifacts,
      LineageGraph lineageGraph,
      ModelPromotions promotions) {
    this.models = models;
    this.artifacts = artifacts;
    this.lineageGraph = lineageGraph;
    this.promotions = promotions;
  }

  /** The route parameters of a version's page. */
  public static RouteParameters parameters(String model, int version) {
    return new RouteParameters(
        new RouteParam("name", model), new RouteParam("version", Integer.toString(version)));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      ModelVersionId id =
          new ModelVersionId(
              ResourceName.of("name", event.getRouteParameters().get("name").orElse("")),
              Integer.parseInt(event.getRouteParameters().get("version").orElse("")));
      show(models.version(id));
    } catch (NumberFormatException
        | DomainValidationException
        | ModelRegistry.NotFoundException e) {
      event.rerouteToError(NotFoundException.class);
    }
  }

  private void show(ModelVersion version) {
    removeAll();
    String model = version.model().value();
    H2 title = new H2(model + " v" + version.number());
    title.setId("version-title");
    String aliases =
        models.aliases(version.model()).stream()
            .filter(a -> a.version() == version.number())
            .map(a -> a.name().value())
            .collect(Collectors.joining(", "));
    Anchor onnx =
        new Anchor(
            DownloadHandler.fromInputStream(
                e ->
                    new DownloadResponse(
                        new ByteArrayInputStream(
                            artifacts.store().read(version.artifact().sha256())),
                        model + "-" + version.number() + ".onnx",
                        "application/octet-stream",
                        version.artifact().size())),
            "Download ONNX");
    onnx.setId("version-download");
    add(
        new RouterLink("← " + model, ModelDetailView.class, new RouteParameters("name", model)),
        title,
        new Paragraph(version.description().isBlank() ? "No description." : version.description()),
        new Paragraph(
            "Registered "
                + Times.format(version.registeredAt())
                + " by "
                + version.registeredBy()
                + " · "
                + version.lineage().source()
                + (aliases.isEmpty() ? "" : " · aliases: " + aliases)
                + " · SHA-256 "
                + version.artifact().sha256()
                + " · "
                + version.artifact().size()
                + " bytes"),
        onnx,
        new PromotionPanel(promotions, version),
        new H3("Signature"),
        signature(version),
        new H3("Metrics"),
        pairs("metrics-grid", toText(version.metrics())),
        new H3("Hyperparameters"),
        pairs("hyperparameters-grid", version.hyperparameters()),
        new H3("Lineage"),
        lineageGraph.chart(version),
        lineageText(version),
        new H3("Model card"),
        card(version));
  }

  private static Map<String, String> toText(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> String.format(java.util.Locale.ROOT, "%.6g", e.getValue()),
                (a, b) -> a,
                java.util.TreeMap::new));
  }

  private static Grid<TensorSpec> signature(ModelVersion version) {
    Grid<TensorSpec> grid = new Grid<>();
    grid.setId("signature-grid");
    grid.addColumn(t -> version.signature().inputs().contains(t) ? "input" : "output")
        .setHeader("")
        .setAutoWidth(true);
    grid.addColumn(TensorSpec::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(t -> t.elementType() == null ? t.kind().name() : t.elementType().name())
        .setHeader("Type")
        .setAutoWidth(true);
    grid.addColumn(t -> t.shape().toString()).setHeader("Shape").setAutoWidth(true);
    grid.addColumn(TensorSpec::detail).setHeader("Detail").setFlexGrow(1);
    grid.setItems(
        java.util.stream.Stream.concat(
                version.signature().inputs().stream(), version.signature().outputs().stream())
            .toList());
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Grid<Map.Entry<String, String>> pairs(String id, Map<String, String> values) {
    Grid<Map.Entry<String, String>> grid = new Grid<>();
    grid.setId(id);
    grid.addColumn(Map.Entry::getKey).setHeader("Name").setAutoWidth(true);
    grid.addColumn(Map.Entry::getValue).setHeader("Value").setFlexGrow(1);
    grid.setItems(List.copyOf(values.entrySet()));
    grid.setAllRowsVisible(true);
    return grid;
  }

  private VerticalLayout lineageText(ModelVersion version) {
    VerticalLayout text = new VerticalLayout();
    text.setPadding(false);
    version
        .lineage()
        .trainingSetId()
        .ifPresent(
            id ->
                text.add(
                    new HorizontalLayout(
                        new Span("Training set"),
                        new RouterLink(
                            id, TrainingSetDetailView.class, new RouteParameters("id", id)))));
    version.lineage().featureService().ifPresent(s -> text.add(new Span("Feature service " + s)));
    if (!version.lineage().featureMapping().isEmpty()) {
      text.add(
          new Span(
              "Input "
                  + version.lineage().featureMapping().input()
                  + " ← "
                  + String.join(", ", version.lineage().featureMapping().features())));
    }
    if (!version.lineage().labelNames().isEmpty()) {
      text.add(new Span("Labels " + String.join(", ", version.lineage().labelNames())));
    }
    version.lineage().algorithm().ifPresent(a -> text.add(new Span("Algorithm " + a)));
    return text;
  }

  private VerticalLayout card(ModelVersion version) {
    ModelCard card = models.card(version.id());
    PlatformUser user = CurrentUser.get();
    boolean editable = ModelsView.canWrite(user);
    TextArea intendedUse = area("Intended use", "card-intended-use", card.intendedUse(), editable);
    TextArea limitations = area("Limitations", "card-limitations", card.limitations(), editable);
    TextArea ethics =
        area("Ethical considerations", "card-ethics", card.ethicalConsiderations(), editable);
    TextArea data =
        area("Training data summary", "card-training-data", card.trainingDataSummary(), editable);
    Span status =
        new Span(
            card.updatedAt()
                .map(t -> "Last edited " + Times.format(t) + " by " + card.updatedBy())
                .orElse("Not edited yet."));
    status.setId("card-status");
    Anchor markdown =
        new Anchor(
            DownloadHandler.fromInputStream(
                e -> {
                  byte[] text = models.cardMarkdown(version.id()).getBytes(StandardCharsets.UTF_8);
                  return new DownloadResponse(
                      new ByteArrayInputStream(text),
                      version.model() + "-" + version.number() + "-model-card.md",
                      "text/markdown",
                      text.length);
                }),
            "Download as Markdown");
    markdown.setId("card-markdown");
    VerticalLayout layout = new VerticalLayout(intendedUse, limitations, ethics, data);
    layout.setPadding(false);
    if (editable) {
      Button save =
          new Button(
              "Save card",
              e -> {
                try {
                  ModelCard saved =
                      models.updateCard(
                          version.id(),
                          new CardText(
                              intendedUse.getValue(),
                              limitations.getValue(),
                              ethics.getValue(),
                              data.getValue()),
                          user,
                          ModelsView.origin());
                  status.setText("Saved " + Times.format(saved.updatedAt().orElseThrow()) + ".");
                } catch (IllegalArgumentException ex) {
                  status.setText("Refused: " + ex.getMessage());
                }
              });
      save.setId("card-save");
      layout.add(save);
    }
    layout.add(status, markdown);
    return layout;
  }

  private static TextArea area(String label, String id, String value, boolean editable) {
    TextArea area = new TextArea(label);
    area.setId(id);
    area.setWidthFull();
    area.setValue(value == null ? "" : value);
    area.setReadOnly(!editable);
    return area;
  }
}
