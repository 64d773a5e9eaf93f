package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;

/**
 * Creates a deployment or changes one: the model, the alias it follows, an optional canary and
 * shadow version, batching and the prediction cache. It checks what it can on the spot (numbers,
 * ranges, names, the same rules as the domain) and fires a {@link SaveEvent} with the input; the
 * caller deploys it and hands back what the server said through {@link #showError}.
 */
public class DeploymentForm extends FormLayout {

  private final TextField model = field("Model", "deployment-model");
  private final TextField alias = field("Alias", "deployment-alias");
  private final TextField canaryVersion = field("Canary version", "deployment-canary-version");
  private final TextField canaryPercent = field("Canary share (%)", "deployment-canary-percent");
  private final TextField shadowVersion = field("Shadow version", "deployment-shadow-version");
  private final TextField maxBatchSize = field("Max batch size", "deployment-batch-size");
  private final TextField maxDelayMs = field("Max batch delay (ms)", "deployment-batch-delay");
  private final TextField cacheEntries = field("Cache entries", "deployment-cache-entries");
  private final Span error = new Span();
  private final Button save = new Button("Deploy");

  /**
   * A form filled with {@code input}; when {@code editing}, the model is fixed (a deployment is
   * changed by replacing it, never moved to another model).
   */
  public DeploymentForm(DeploymentInput input, boolean editing) {
    setId("deployment-form");
    model.setReadOnly(editing);
    model.setRequired(true);
    alias.setHelperText("Its version answers requests");
    canaryVersion.setHelperText("Optional: takes a share of the traffic");
    canaryPercent.setHelperText("1 to 99");
    shadowVersion.setHelperText("Optional: gets a copy of each request; answers logged only");
    maxBatchSize.setHelperText("1 is no batching; at most 1024");
    maxDelayMs.setHelperText("0 to 100; how long a batch waits to fill");
    cacheEntries.setHelperText("0 is no cache; at most 100000");
    error.setId("deployment-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    save.setId("deployment-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    save.addClickListener(e -> save());
    Button cancel = new Button("Cancel", e -> fireEvent(new CancelEvent(this)));
    cancel.setId("deployment-cancel");
    HorizontalLayout buttons = new HorizontalLayout(save, cancel);
    add(
        model,
        alias,
        canaryVersion,
        canaryPercent,
        shadowVersion,
        cacheEntries,
        maxBatchSize,
        maxDelayMs,
        error,
        buttons);
    setColspan(error, 2);
    setColspan(buttons, 2);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
    load(input);
  }

  /** Fired with the form's input once its own checks pass. */
  public static final class SaveEvent extends ComponentEvent<DeploymentForm> {

    private final DeploymentInput input;

    SaveEvent(DeploymentForm source, DeploymentInput input) {
      super(source, false);
      this.input = input;
    }

    public DeploymentInput getInput() {
      return input;
    }
  }

  /** Fired when the user gives up. */
  public static final class CancelEvent extends ComponentEvent<DeploymentForm> {

    CancelEvent(DeploymentForm source) {
      super(source, false);
    }
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
    return addListener(CancelEvent.class, listener);
  }

  /** What the form holds now, as typed. */
  public DeploymentInput input() {
    return new DeploymentInput(
        model.getValue(),
        alias.getValue(),
        canaryVersion.getValue(),
        canaryPercent.getValue(),
        shadowVersion.getValue(),
        maxBatchSize.getValue(),
        maxDelayMs.getValue(),
        cacheEntries.getValue());
  }

  /**
   * Shows an error: on the input that {@code field} names (the domain's and the REST API's field
   * names), and always in the form's message line, so nothing goes unsaid.
   */
  public void showError(String field, String message) {
    TextField input = fieldFor(field);
    if (input != null) {
      input.setErrorMessage(message);
      input.setInvalid(true);
    }
    error.setText(input == null ? message : input.getLabel() + ": " + message);
    error.setVisible(true);
  }

  /** Shows an error that no single input owns. */
  public void showError(String message) {
    showError(null, message);
  }

  private void save() {
    clearErrors();
    DeploymentInput input = input();
    try {
      input.toDeployment("form", Instant.EPOCH);
    } catch (DomainValidationException e) {
      showError(e.field(), e.getMessage());
      return;
    }
    fireEvent(new SaveEvent(this, input));
  }

  private void load(DeploymentInput input) {
    model.setValue(nullToEmpty(input.model()));
    alias.setValue(nullToEmpty(input.alias()));
    canaryVersion.setValue(nullToEmpty(input.canaryVersion()));
    canaryPercent.setValue(nullToEmpty(input.canaryPercent()));
    shadowVersion.setValue(nullToEmpty(input.shadowVersion()));
    maxBatchSize.setValue(nullToEmpty(input.maxBatchSize()));
    maxDelayMs.setValue(nullToEmpty(input.maxDelayMs()));
    cacheEntries.setValue(nullToEmpty(input.cacheEntries()));
  }

  private void clearErrors() {
    for (TextField field : fields()) {
      field.setInvalid(false);
      field.setErrorMessage(null);
    }
    error.setText("");
    error.setVisible(false);
  }

  private List<TextField> fields() {
    return List.of(
        model,
        alias,
        canaryVersion,
        canaryPercent,
        shadowVersion,
        maxBatchSize,
        maxDelayMs,
        cacheEntries);
  }

  private TextField fieldFor(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "model", "name" -> model;
      case "alias" -> alias;
      case "canary", "canary.version" -> canaryVersion;
      case "canary.percent" -> canaryPercent;
      case "shadowVersion" -> shadowVersion;
      case "batching.maxBatchSize" -> maxBatchSize;
      case "batching.maxDelay", "batching.maxDelayMs" -> maxDelayMs;
      case "cacheEntries" -> cacheEntries;
      default -> null;
    };
  }

  /** Validation is ours: the web component's own checks would fight with the errors we set. */
  private static TextField field(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setManualValidation(true);
    field.addValueChangeListener(e -> field.setInvalid(false));
    return field;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
