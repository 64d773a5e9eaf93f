package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.models.ModelPolicies;
import org.mlplatform.portal.ui.base.Times;

/**
 * A model's governance policy: the metric tolerance the promotion's metrics check allows, the
 * margin a retrained version must win by, the retraining schedule and per-metric tolerances.
 * Everyone sees it; data scientists and admins edit and save it. The panel checks the input by the
 * domain's rules on the spot and marks the field at fault; a valid input is fired as a {@link
 * SaveEvent}.
 */
public class ModelPolicyPanel extends VerticalLayout {

  private final NumberField tolerance = new NumberField("Metric tolerance");
  private final NumberField margin = new NumberField("Retraining margin");
  private final TextField every = new TextField("Retrain every");
  private final TextArea perMetric =
      new TextArea("Per-metric tolerances (metric=tolerance a line)");
  private final Span status = new Span();
  private final Span error = new Span();
  private final Button save = new Button("Save policy");
  private ResourceName model;

  /**
   * The policy of {@code model} as {@code policies} has it; when {@code user} is a data scientist
   * or an admin it can be edited, and saving stores it through {@code policies} with an audit
   * record.
   *
   * @throws ModelRegistry.NotFoundException when there is no such model
   */
  public ModelPolicyPanel(ResourceName model, ModelPolicies policies, PlatformUser user) {
    this(policies.current(model), ModelsView.canWrite(user));
    addSaveListener(
        e -> {
          try {
            show(
                new ModelPolicies.Current(
                    policies.save(model, e.getTerms(), user, ModelsView.origin()), true));
          } catch (DomainValidationException ex) {
            showError(ex.field(), ex.getMessage());
          } catch (ModelRegistry.NotFoundException ex) {
            showError(null, ex.getMessage());
          }
        });
  }

  /**
   * Shows {@code current}; when {@code editable}, the fields can be changed and the save button
   * fires a {@link SaveEvent} once the input passes the policy's rules.
   */
  public ModelPolicyPanel(ModelPolicies.Current current, boolean editable) {
    setId("policy-panel");
    setPadding(false);
    tolerance.setId("policy-tolerance");
    tolerance.setMin(0);
    tolerance.setMax(ModelPolicy.TOLERANCE_MAX);
    tolerance.setHelperText(
        "How much worse than the champion's a candidate's metric may be, in the metric's units");
    margin.setId("policy-margin");
    margin.setMin(0);
    margin.setHelperText("How much better a retrained version must be to be proposed");
    every.setId("policy-retrain-every");
    every.setHelperText("ISO-8601, e.g. P7D");
    every.setPlaceholder("no schedule");
    perMetric.setId("policy-metric-tolerances");
    perMetric.setHelperText("Replace the tolerance for single metrics, e.g. rmse=0.5");
    perMetric.setPlaceholder("rmse=0.5");
    for (var field : List.of(tolerance, margin)) {
      field.setManualValidation(true);
      field.addValueChangeListener(e -> clear(field));
    }
    every.setManualValidation(true);
    every.addValueChangeListener(e -> clear(every));
    perMetric.setManualValidation(true);
    perMetric.addValueChangeListener(e -> clear(perMetric));
    status.setId("policy-status");
    error.setId("policy-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    FormLayout form = new FormLayout(tolerance, margin, every, perMetric);
    form.setColspan(perMetric, 2);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    add(
        new Paragraph(
            "The promotion's metrics check fails when a candidate's held-out metric is worse than"
                + " the champion's by more than the tolerance. Retraining proposes a version that"
                + " is better by at least the margin."),
        form,
        status,
        error);
    if (editable) {
      save.setId("policy-save");
      save.addThemeVariants(ButtonVariant.PRIMARY);
      save.addClickListener(e -> save());
      add(save);
    } else {
      tolerance.setReadOnly(true);
      margin.setReadOnly(true);
      every.setReadOnly(true);
      perMetric.setReadOnly(true);
    }
    show(current);
  }

  /** Fired with the input once it passes the policy's rules. */
  public static final class SaveEvent extends ComponentEvent<ModelPolicyPanel> {

    private final ModelPolicies.Terms terms;

    SaveEvent(ModelPolicyPanel source, ModelPolicies.Terms terms) {
      super(source, false);
      this.terms = terms;
    }

    public ModelPolicies.Terms getTerms() {
      return terms;
    }
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  /** Shows {@code current} in the fields, and who set it when. */
  public void show(ModelPolicies.Current current) {
    ModelPolicy policy = current.policy();
    model = policy.model();
    tolerance.setValue(policy.metricTolerance());
    margin.setValue(policy.retrainingMargin());
    every.setValue(policy.retrainingEvery().map(ModelPolicy::formatRetrainingEvery).orElse(""));
    perMetric.setValue(
        policy.metricTolerances().entrySet().stream()
            .map(e -> e.getKey() + "=" + plain(e.getValue()))
            .collect(Collectors.joining("\n")));
    status.setText(
        current.saved()
            ? "Set by " + policy.updatedBy() + " on " + Times.format(policy.updatedAt()) + "."
            : "Defaults: nobody has set a policy for this model yet.");
    clearAll();
  }

  /**
   * Shows what went wrong, marking the field when {@code field} names one ({@code metricTolerance},
   * {@code retrainingMargin}, {@code retrainingEvery}, {@code metricTolerances...}).
   */
  public void showError(String field, String message) {
    clearAll();
    fieldFor(field)
        .ifPresent(
            input -> {
              input.setErrorMessage(message);
              input.setInvalid(true);
            });
    error.setText(message);
    error.setVisible(true);
  }

  private void save() {
    clearAll();
    try {
      fireEvent(new SaveEvent(this, terms()));
    } catch (DomainValidationException e) {
      showError(e.field(), e.getMessage());
    }
  }

  /** The input as terms that pass the policy's rules. */
  ModelPolicies.Terms terms() {
    if (tolerance.getValue() == null) {
      throw new DomainValidationException("metricTolerance", "give a number from 0 to 1000000");
    }
    if (margin.getValue() == null) {
      throw new DomainValidationException("retrainingMargin", "give a number of 0 or more");
    }
    ModelPolicies.Terms terms =
        new ModelPolicies.Terms(
            tolerance.getValue(),
            margin.getValue(),
            ModelPolicy.parseRetrainingEvery(every.getValue()),
            parse(perMetric.getValue()));
    // The policy's own checks, with the field to blame; who and when are the server's to set.
    ModelPolicy checked =
        new ModelPolicy(
            model,
            terms.metricTolerance(),
            terms.retrainingMargin(),
            terms.retrainingEvery(),
            terms.metricTolerances(),
            "",
            Instant.EPOCH);
    return ModelPolicies.Terms.of(checked);
  }

  /** {@code metric=tolerance} lines; blank lines are skipped. */
  static Map<String, Double> parse(String lines) {
    Map<String, Double> parsed = new LinkedHashMap<>();
    for (String line : (lines == null ? "" : lines).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.lastIndexOf('=');
      String metric = equals < 0 ? "" : trimmed.substring(0, equals).strip();
      String value = equals < 0 ? "" : trimmed.substring(equals + 1).strip();
      if (metric.isEmpty() || value.isEmpty()) {
        throw new DomainValidationException(
            "metricTolerances", "write each as metric=tolerance, e.g. rmse=0.5: " + trimmed);
      }
      try {
        if (parsed.put(metric, Double.parseDouble(value)) != null) {
          throw new DomainValidationException(
              "metricTolerances." + metric, "metric " + metric + " is listed twice");
        }
      } catch (NumberFormatException e) {
        throw new DomainValidationException(
            "metricTolerances." + metric,
            "the tolerance for " + metric + " is not a number: " + value);
      }
    }
    return parsed;
  }

  private Optional<HasValidation> fieldFor(String field) {
    if (field == null) {
      return Optional.empty();
    }
    return switch (field) {
      case "metricTolerance" -> Optional.of(tolerance);
      case "retrainingMargin" -> Optional.of(margin);
      case "retrainingEvery" -> Optional.of(every);
      default -> field.startsWith("metricTolerances") ? Optional.of(perMetric) : Optional.empty();
    };
  }

  private void clearAll() {
    clear(tolerance);
    clear(margin);
    clear(every);
    clear(perMetric);
    error.setText("");
    error.setVisible(false);
  }

  private static void clear(HasValidation field) {
    field.setInvalid(false);
    field.setErrorMessage(null);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
