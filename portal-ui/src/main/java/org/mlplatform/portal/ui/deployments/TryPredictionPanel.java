package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.online.OnlineStoreException;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.portal.serving.EntityPredictions;
import org.mlplatform.portal.serving.MissingFeatureException;
import org.mlplatform.portal.serving.ServingRuntime;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.Prediction;
import org.mlplatform.serving.engine.ServingLease;
import org.mlplatform.serving.inference.InferenceException;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.OipRequestReader;
import org.mlplatform.serving.inference.OipResponseWriter;
import org.mlplatform.serving.inference.ReadLimits;

/**
 * Tries the deployment from the portal, through the same paths as the API: by entity key (features
 * read from the online store, as {@code POST /api/v1/models/{name}/predict}) or with an Open
 * Inference Protocol request (as {@code POST /v2/models/{name}/infer}). Tries are real predictions:
 * they are counted in the traffic chart and logged.
 */
final class TryPredictionPanel extends VerticalLayout {

  private static final Logger LOG = Logger.getLogger(TryPredictionPanel.class.getName());

  /** How the input is read. */
  enum Mode {
    ENTITY_KEYS("Entity keys"),
    OPEN_INFERENCE("Open Inference Protocol JSON");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** What the text area takes; the API takes more, but this is for trying. */
  static final int MAX_INPUT = 1_000_000;

  static final String ENTITY_EXAMPLE = "{\"customer_id\": [1, 2]}";

  private static final OipRequestReader READER = new OipRequestReader(ReadLimits.defaults());

  private final ResourceName model;
  private final EntityPredictions predictions;
  private final ServingRuntime runtime;
  private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("Input");
  private final TextArea input = new TextArea();
  private final TextField version = new TextField("Version");
  private final TextField routingKey = new TextField("Routing key");
  private final Div result = new Div();
  private final Span error = new Span();

  TryPredictionPanel(ResourceName model, EntityPredictions predictions, ServingRuntime runtime) {
    this.model = model;
    this.predictions = predictions;
    this.runtime = runtime;
    setPadding(false);
    setId("try-panel");
    mode.setId("try-mode");
    mode.setItems(Mode.values());
    mode.setItemLabelGenerator(Mode::label);
    mode.setValue(Mode.ENTITY_KEYS);
    mode.addValueChangeListener(e -> modeChanged(e.getValue()));
    input.setId("try-input");
    input.setWidthFull();
    input.setMinHeight("8rem");
    input.setMaxLength(MAX_INPUT);
    input.getStyle().set("font-family", "monospace");
    input.setPlaceholder(ENTITY_EXAMPLE);
    input.setHelperText(helper(Mode.ENTITY_KEYS));
    version.setId("try-version");
    version.setPlaceholder("as routed");
    version.setHelperText("Optional: a served version");
    routingKey.setId("try-routing-key");
    routingKey.setHelperText("Optional: the same key always gets the same canary split");
    Button run = new Button("Predict", e -> run());
    run.setId("try-run");
    run.addThemeVariants(ButtonVariant.PRIMARY);
    Button example = new Button("Example from the signature", e -> fillExample());
    example.setId("try-example");
    example.setVisible(false);
    mode.addValueChangeListener(e -> example.setVisible(e.getValue() == Mode.OPEN_INFERENCE));
    error.setId("try-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    result.setId("try-result");
    result.setWidthFull();
    HorizontalLayout options = new HorizontalLayout(version, routingKey);
    HorizontalLayout buttons = new HorizontalLayout(run, example);
    add(mode, input, options, buttons, error, result);
  }

  private static String helper(Mode mode) {
    return switch (mode) {
      case ENTITY_KEYS ->
          "One column per join key, one value per entity; the version's features are read from"
              + " the online store";
      case OPEN_INFERENCE ->
          "An infer request as POST /v2/models/{name}/infer takes it: {\"inputs\": [{\"name\","
              + " \"datatype\", \"shape\", \"data\"}]}";
    };
  }

  private void modeChanged(Mode selected) {
    input.setHelperText(helper(selected));
    input.setPlaceholder(selected == Mode.ENTITY_KEYS ? ENTITY_EXAMPLE : "");
    clearAnswer();
    if (selected == Mode.OPEN_INFERENCE && input.getValue().isBlank()) {
      fillExample();
    }
  }

  /** Fills the input with a one-row request of zeros that the answering version accepts. */
  private void fillExample() {
    clearAnswer();
    try (ServingLease lease = runtime.engine().lease(model, versionNumber(), key())) {
      input.setValue(OipJson.example(lease.version().signature()));
    } catch (ModelNotServedException | IllegalArgumentException e) {
      showError(e.getMessage());
    }
  }

  private void run() {
    clearAnswer();
    String requestId = "portal-" + UUID.randomUUID();
    try {
      Component answer =
          mode.getValue() == Mode.OPEN_INFERENCE ? runInference(requestId) : runByEntity(requestId);
      result.add(answer);
    } catch (IllegalArgumentException // DomainValidationException is one
        | InferenceException
        | ModelNotServedException
        | MissingFeatureException
        | FeatureRegistry.NotFoundException
        | ModelRegistry.NotFoundException e) {
      showError(e.getMessage());
    } catch (OnlineStoreException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "try prediction " + requestId + " of " + model + " failed", e);
      showError("the platform could not answer: " + e.getMessage());
    }
  }

  private Component runByEntity(String requestId) {
    Map<String, List<Object>> entities = EntityKeysJson.parse(input.getValue());
    EntityPredictions.Answer answer =
        predictions.predict(
            model,
            new EntityPredictions.Request(entities, Map.of(), versionNumber(), key()),
            requestId);
    Paragraph who = new Paragraph("v" + answer.version() + " (" + answer.route() + ") answered");
    who.setId("try-answered");
    Grid<EntityPredictions.Row> grid = new Grid<>();
    grid.setId("try-predictions");
    grid.addColumn(EntityPredictions.Row::label).setHeader("Label").setAutoWidth(true);
    grid.addColumn(r -> probabilities(r.probabilities()))
        .setHeader("Probabilities")
        .setAutoWidth(true);
    grid.addColumn(
            r ->
                r.values().stream()
                    .map(TryPredictionPanel::number)
                    .collect(Collectors.joining(", ")))
        .setHeader("Values")
        .setAutoWidth(true);
    grid.addColumn(r -> String.join(", ", r.imputed())).setHeader("Imputed").setAutoWidth(true);
    grid.addColumn(r -> r.predictionId().toString()).setHeader("Prediction id").setFlexGrow(1);
    grid.setItems(answer.predictions());
    grid.setAllRowsVisible(true);
    return new VerticalLayout(who, grid);
  }

  private Component runInference(String requestId) {
    String body = input.getValue();
    if (body == null || body.isBlank()) {
      throw new DomainValidationException("inputs", "type an infer request, or fill the example");
    }
    InferenceRequest request =
        READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    try (ServingLease lease = runtime.engine().lease(model, versionNumber(), key())) {
      Prediction prediction = lease.infer(request, requestId, false).prediction();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OipResponseWriter.writeInferResponse(
          out,
          model.value(),
          Integer.toString(prediction.version().number()),
          request.id(),
          prediction.outputs());
      Paragraph who =
          new Paragraph(
              "v"
                  + prediction.version().number()
                  + " ("
                  + prediction.route().label()
                  + ") answered in "
                  + DeploymentText.latency(prediction.nanos() / 1_000)
                  + (prediction.cached() ? " from the cache" : "")
                  + " · prediction "
                  + prediction.id());
      who.setId("try-answered");
      Pre json = new Pre(OipJson.pretty(out.toString(StandardCharsets.UTF_8)));
      json.setId("try-response");
      return new VerticalLayout(who, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OptionalInt versionNumber() {
    Integer number = DeploymentInput.whole("version", version.getValue());
    if (number == null) {
      return OptionalInt.empty();
    }
    if (number < 1) {
      throw new DomainValidationException("version", "version numbers start at 1");
    }
    return OptionalInt.of(number);
  }

  private String key() {
    String value = routingKey.getValue();
    return value == null || value.isBlank() ? null : value.strip();
  }

  private void clearAnswer() {
    result.removeAll();
    error.setText("");
    error.setVisible(false);
  }

  private void showError(String message) {
    error.setText(message);
    error.setVisible(true);
  }

  static String probabilities(Map<String, Double> probabilities) {
    if (probabilities == null) {
      return "";
    }
    return probabilities.entrySet().stream()
        .map(e -> e.getKey() + " " + number(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** Four significant digits without trailing zeros: 0.93, 0.0712, 1235. */
  static String number(Double value) {
    if (value == null) {
      return "";
    }
    if (!Double.isFinite(value)) {
      return value.toString();
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
