package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.monitoring.MonitoringPolicies;

/**
 * A model's monitoring policy: the share of drifted features from which its data counts as drifted,
 * the window its monitoring reads, how often its rules and snapshots run, and the drift options of
 * single features. Everyone sees it; data scientists and admins change and save it. A complete
 * input is fired as a {@link SaveEvent}; {@link #showError} marks the field the service refused.
 */
final class MonitoringPolicyPanel extends VerticalLayout {

  private static final AuditRecorder.Origin PORTAL = new AuditRecorder.Origin(null, null);

  private final NumberField driftShare = new NumberField("Drift share");
  private final Select<Duration> window = new Select<>();
  private final IntegerField windowPredictions = new IntegerField("Most predictions in the window");
  private final Select<Duration> every = new Select<>();
  private final Grid<FeatureDriftOverride> grid = new Grid<>();
  private final ColumnPicker feature;
  private final Select<DriftMethod> method = new Select<>();
  private final NumberField threshold = new NumberField("Threshold");
  private final Checkbox categorical = new Checkbox("Categorical");
  private final Button add = new Button("Add override");
  private final Span status = new Span();
  private final Paragraph error = new Paragraph();
  private final Button save = new Button("Save policy");
  private List<FeatureDriftOverride> overrides = List.of();

  /**
   * The policy of {@code model} as {@code policies} has it; a data scientist or an admin saves it
   * through {@code policies}, after which {@code saved} runs (the page reads the new window).
   *
   * @param features the model's feature names, offered for overrides beside {@code prediction}
   * @throws ModelRegistry.NotFoundException when there is no such model
   */
  MonitoringPolicyPanel(
      ResourceName model,
      List<String> features,
      MonitoringPolicies policies,
      PlatformUser user,
      Runnable saved) {
    this(policies.current(model), features, MonitoringAccess.canEditPolicy(user));
    addSaveListener(
        e -> {
          try {
            MonitoringPolicy policy = policies.save(model, e.getTerms(), user, PORTAL);
            show(new MonitoringPolicies.Current(policy, true));
            Notification.show("Monitoring policy saved", 3_000, Notification.Position.TOP_END);
            saved.run();
          } catch (DomainValidationException ex) {
            showError(ex.field(), ex.getMessage());
          } catch (ModelRegistry.NotFoundException ex) {
            showError(null, ex.getMessage());
          }
        });
  }

  /**
   * Shows {@code current}; when {@code editable}, the fields can be changed and the save button
   * fires a {@link SaveEvent}.
   */
  MonitoringPolicyPanel(
      MonitoringPolicies.Current current, List<String> features, boolean editable) {
    this.feature = new ColumnPicker("Feature", features);
    setId("monitoring-policy");
    setPadding(false);
    driftShare.setId("monitoring-policy-drift-share");
    driftShare.setMin(PolicyFormValues.PERCENT_MIN);
    driftShare.setMax(PolicyFormValues.PERCENT_MAX);
    driftShare.setSuffixComponent(new Span("%"));
    driftShare.setHelperText("Of the features drifting, from which the model's data has drifted");
    window.setId("monitoring-policy-window");
    window.setLabel("Window");
    window.setItemLabelGenerator(PolicyFormValues::windowLabel);
    window.setHelperText("How far back the page and the rules read predictions");
    windowPredictions.setId("monitoring-policy-window-predictions");
    windowPredictions.setMin(MonitoringPolicy.WINDOW_PREDICTIONS_MIN);
    windowPredictions.setMax(MonitoringPolicy.WINDOW_PREDICTIONS_MAX);
    windowPredictions.setHelperText("100 to 1,000,000; beyond it only the newest count");
    every.setId("monitoring-policy-every");
    every.setLabel("Evaluate every");
    every.setItemLabelGenerator(PolicyFormValues::everyLabel);
    every.setHelperText("How often the alert rules and snapshots run");
    status.setId("monitoring-policy-status");
    error.setId("monitoring-policy-error");
    error.getElement().setAttribute("role", "alert");
    error.getStyle().set("color", "var(--aura-red-text, #b3261e)");
    error.setVisible(false);
    for (HasValidation field :
        List.<HasValidation>of(
            driftShare, window, windowPredictions, every, feature, method, threshold)) {
      field.setManualValidation(true);
    }
    driftShare.addValueChangeListener(e -> clear(driftShare));
    window.addValueChangeListener(e -> clear(window));
    windowPredictions.addValueChangeListener(e -> clear(windowPredictions));
    every.addValueChangeListener(e -> clear(every));
    FormLayout form = new FormLayout(driftShare, window, windowPredictions, every);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("30em", 2),
        new FormLayout.ResponsiveStep("60em", 4));
    overridesGrid(editable);
    add(form, new Span("Per-feature drift options"), grid);
    if (editable) {
      add(addLine());
    }
    save.setId("monitoring-policy-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    save.addClickListener(e -> submit());
    save.setEnabled(editable);
    if (!editable) {
      save.setTooltipText("Data scientists and admins change the policy");
      driftShare.setReadOnly(true);
      window.setReadOnly(true);
      windowPredictions.setReadOnly(true);
      every.setReadOnly(true);
    }
    add(status, error, save);
    show(current);
  }

  /** Fired with the input as the service's terms. */
  public static final class SaveEvent extends ComponentEvent<MonitoringPolicyPanel> {

    private final MonitoringPolicies.Terms terms;

    SaveEvent(MonitoringPolicyPanel source, MonitoringPolicies.Terms terms) {
      super(source, false);
      this.terms = terms;
    }

    public MonitoringPolicies.Terms getTerms() {
      return terms;
    }
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  /** Shows {@code current} in the fields, and who saved it when. */
  void show(MonitoringPolicies.Current current) {
    PolicyFormValues values = PolicyFormValues.of(current.policy());
    driftShare.setValue(values.driftPercent());
    window.setItems(PolicyFormValues.windowChoices(values.window()));
    window.setValue(values.window());
    windowPredictions.setValue(values.windowPredictions());
    every.setItems(PolicyFormValues.everyChoices(values.evaluateEvery()));
    every.setValue(values.evaluateEvery());
    setOverrides(values.overrides());
    status.setText(PolicyFormValues.status(current));
    clearAll();
  }

  /** The form's values as they stand. */
  PolicyFormValues values() {
    return new PolicyFormValues(
        driftShare.getValue(),
        window.getValue(),
        windowPredictions.getValue(),
        every.getValue(),
        overrides);
  }

  /**
   * Shows what went wrong, marking the field when {@code field} names one ({@code driftShare},
   * {@code window}, {@code windowPredictions}, {@code evaluateEvery}, {@code override.feature}...).
   */
  void showError(String field, String message) {
    clearAll();
    fieldFor(field)
        .ifPresent(
            input -> {
              input.setErrorMessage(message);
              input.setInvalid(true);
            });
    error.setText(MonitoringText.sentence(message));
    error.setVisible(true);
  }

  private void overridesGrid(boolean editable) {
    grid.setId("monitoring-policy-overrides");
    grid.addColumn(FeatureDriftOverride::feature).setHeader("Feature").setFlexGrow(1);
    grid.addColumn(o -> o.categorical() ? "yes" : "no").setHeader("Categorical").setAutoWidth(true);
    grid.addColumn(PolicyFormValues::methodLabel).setHeader("Method").setAutoWidth(true);
    grid.addColumn(PolicyFormValues::thresholdLabel).setHeader("Threshold").setAutoWidth(true);
    if (editable) {
      grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true);
    }
    grid.setEmptyStateText(
        "No per-feature options: each feature gets the test that fits its kind and the test's"
            + " default threshold.");
    grid.setAllRowsVisible(true);
  }

  private HorizontalLayout addLine() {
    feature.setId("monitoring-policy-override-feature");
    method.setId("monitoring-policy-override-method");
    method.setLabel("Method");
    method.setItems(DriftMethod.values());
    method.setItemLabelGenerator(m -> m == null ? "(default)" : PolicyFormValues.methodKey(m));
    method.setEmptySelectionAllowed(true);
    method.setEmptySelectionCaption("(default)");
    threshold.setId("monitoring-policy-override-threshold");
    threshold.setMin(0);
    threshold.setPlaceholder("(default)");
    threshold.setHelperText("At most 1 for p-value tests");
    categorical.setId("monitoring-policy-override-categorical");
    feature.addValueChangeListener(e -> clear(feature));
    method.addValueChangeListener(e -> clear(method));
    threshold.addValueChangeListener(e -> clear(threshold));
    add.setId("monitoring-policy-override-add");
    add.addClickListener(e -> addOverride());
    HorizontalLayout line = new HorizontalLayout(feature, method, threshold, categorical, add);
    line.setAlignItems(FlexComponent.Alignment.BASELINE);
    line.setWrap(true);
    return line;
  }

  private Button removeButton(FeatureDriftOverride override) {
    Button remove = new Button("Remove", e -> setOverrides(without(override)));
    remove.addClassName("monitoring-policy-override-remove");
    remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
    return remove;
  }

  private List<FeatureDriftOverride> without(FeatureDriftOverride override) {
    return overrides.stream().filter(o -> !o.equals(override)).toList();
  }

  private void addOverride() {
    clearAll();
    try {
      setOverrides(
          PolicyFormValues.add(
              overrides,
              feature.getValue(),
              categorical.getValue(),
              Optional.ofNullable(method.getValue()),
              threshold.getValue()));
      feature.clear();
      method.clear();
      threshold.clear();
      categorical.setValue(false);
    } catch (DomainValidationException e) {
      showError(e.field(), e.getMessage());
    }
  }

  private void setOverrides(List<FeatureDriftOverride> shown) {
    overrides = List.copyOf(shown);
    grid.setItems(overrides);
  }

  private void submit() {
    clearAll();
    try {
      fireEvent(new SaveEvent(this, values().terms()));
    } catch (DomainValidationException e) {
      showError(e.field(), e.getMessage());
    }
  }

  private Optional<HasValidation> fieldFor(String field) {
    if (field == null) {
      return Optional.empty();
    }
    return switch (field) {
      case "driftShare" -> Optional.of(driftShare);
      case "window" -> Optional.of(window);
      case "windowPredictions" -> Optional.of(windowPredictions);
      case "evaluateEvery" -> Optional.of(every);
      case "override.feature" -> Optional.of(feature);
      case "override.method", "override.categorical" -> Optional.of(method);
      case "override.threshold" -> Optional.of(threshold);
      default -> Optional.empty();
    };
  }

  private void clearAll() {
    for (HasValidation field :
        List.<HasValidation>of(
            driftShare, window, windowPredictions, every, feature, method, threshold)) {
      clear(field);
    }
    error.setText("");
    error.setVisible(false);
  }

  private static void clear(HasValidation field) {
    field.setInvalid(false);
    field.setErrorMessage(null);
  }
}
