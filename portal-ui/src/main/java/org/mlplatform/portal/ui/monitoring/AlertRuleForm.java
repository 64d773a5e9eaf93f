package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.portal.monitoring.AlertRuleInput;

/**
 * A new alert rule for one model: the metric, the feature when the metric is measured per feature
 * (the model's features and its prediction; another name may be typed), above or below which
 * threshold it is a problem, how urgent, and whether it starts retraining. A complete input is
 * fired as a {@link CreateEvent}; {@link #showError} marks the field the service refused.
 */
class AlertRuleForm extends VerticalLayout {

  private final ComboBox<MonitoredMetric> metric = new ComboBox<>("Metric");
  private final ColumnPicker feature;
  private final Select<Comparison> comparison = new Select<>();
  private final NumberField threshold = new NumberField("Threshold");
  private final Select<AlertSeverity> severity = new Select<>();
  private final Checkbox retrain = new Checkbox("Start retraining when it fires");
  private final Span error = new Span();
  private final Button add = new Button("Add rule");
  private final String model;

  /**
   * @param features the model's feature names, offered for per-feature metrics beside {@code
   *     prediction}
   */
  AlertRuleForm(String model, List<String> features) {
    this.model = model;
    this.feature = new ColumnPicker("Feature", features);
    setId("monitoring-rule-form");
    setPadding(false);
    metric.setId("monitoring-rule-metric");
    metric.setItems(MonitoredMetric.values());
    metric.setItemLabelGenerator(MonitoredMetric::key);
    metric.addValueChangeListener(e -> metricChanged(e.getValue()));
    feature.setId("monitoring-rule-feature");
    feature.setEnabled(false);
    feature.setHelperText("For drift and data-quality metrics");
    comparison.setId("monitoring-rule-comparison");
    comparison.setLabel("Fires when the value is");
    comparison.setItems(Comparison.values());
    comparison.setItemLabelGenerator(Comparison::key);
    comparison.setValue(Comparison.ABOVE);
    threshold.setId("monitoring-rule-threshold");
    threshold.setHelperText("The last acceptable value");
    severity.setId("monitoring-rule-severity");
    severity.setLabel("Severity");
    severity.setItems(AlertSeverity.values());
    severity.setItemLabelGenerator(AlertSeverity::key);
    severity.setValue(AlertSeverity.WARNING);
    retrain.setId("monitoring-rule-retrain");
    for (HasValidation field : List.<HasValidation>of(metric, feature, threshold)) {
      field.setManualValidation(true);
    }
    metric.addValueChangeListener(e -> clear(metric));
    feature.addValueChangeListener(e -> clear(feature));
    threshold.addValueChangeListener(e -> clear(threshold));
    error.setId("monitoring-rule-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    add.setId("monitoring-rule-add");
    add.addThemeVariants(ButtonVariant.PRIMARY);
    add.addClickListener(e -> submit());
    FormLayout form = new FormLayout(metric, feature, comparison, threshold, severity, retrain);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("30em", 2),
        new FormLayout.ResponsiveStep("60em", 3));
    add(form, error, add);
  }

  /** Fired with a complete rule input. */
  public static final class CreateEvent extends ComponentEvent<AlertRuleForm> {

    private final AlertRuleInput input;

    CreateEvent(AlertRuleForm source, AlertRuleInput input) {
      super(source, false);
      this.input = input;
    }

    public AlertRuleInput getInput() {
      return input;
    }
  }

  Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
    return addListener(CreateEvent.class, listener);
  }

  /** The comparison that usually fits a metric: below for volume and quality scores. */
  static Comparison usualComparison(MonitoredMetric metric) {
    return switch (metric) {
      case VOLUME, ACCURACY, PRECISION, RECALL, F1, AUC, R2 -> Comparison.BELOW;
      default -> Comparison.ABOVE;
    };
  }

  /** The input as a rule input, or the field at fault. */
  AlertRuleInput input() {
    MonitoredMetric chosen = metric.getValue();
    if (chosen == null) {
      throw new DomainValidationException("metric", "choose a metric");
    }
    Optional<String> column =
        Optional.ofNullable(feature.getValue()).map(String::strip).filter(s -> !s.isEmpty());
    if (chosen.needsFeature() && column.isEmpty()) {
      throw new DomainValidationException(
          "feature", chosen.key() + " is measured per feature: choose one");
    }
    Double value = threshold.getValue();
    if (value == null || !Double.isFinite(value)) {
      throw new DomainValidationException("threshold", "give a threshold");
    }
    return new AlertRuleInput(
        model,
        chosen.needsFeature() ? column : Optional.empty(),
        chosen.key(),
        comparison.getValue().key(),
        value,
        severity.getValue().key(),
        retrain.getValue(),
        true);
  }

  /** Shows what went wrong, marking the field when {@code field} names one. */
  void showError(String field, String message) {
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

  /** Empties the form for the next rule (the severity and comparison stay). */
  void reset() {
    metric.clear();
    feature.clear();
    threshold.clear();
    retrain.setValue(false);
    clearAll();
  }

  private void submit() {
    clearAll();
    try {
      fireEvent(new CreateEvent(this, input()));
    } catch (DomainValidationException e) {
      showError(e.field(), e.getMessage());
    }
  }

  private void metricChanged(MonitoredMetric chosen) {
    boolean perFeature = chosen != null && chosen.needsFeature();
    feature.setEnabled(perFeature);
    if (!perFeature) {
      feature.clear();
    }
    if (chosen != null) {
      comparison.setValue(usualComparison(chosen));
    }
  }

  private Optional<HasValidation> fieldFor(String field) {
    if (field == null) {
      return Optional.empty();
    }
    return switch (field) {
      case "metric" -> Optional.of(metric);
      case "feature" -> Optional.of(feature);
      case "threshold" -> Optional.of(threshold);
      default -> Optional.empty();
    };
  }

  private void clearAll() {
    clear(metric);
    clear(feature);
    clear(threshold);
    error.setText("");
    error.setVisible(false);
  }

  private static void clear(HasValidation field) {
    field.setInvalid(false);
    field.setErrorMessage(null);
  }
}
