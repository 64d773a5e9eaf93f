package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.monitoring.alerts.AlertSeverity;
import org.mlplatform.domain.monitoring.alerts.Comparison;
import org.mlplatform.domain.monitoring.alerts.MonitoredMetric;
import org.mlplatform.portal.monitoring.AlertRuleInput;

/** The rule form without a running UI: fill inputs by id, click, look at the events. */
class MonitoringRuleFormTest {

  private final List<AlertRuleInput> created = new ArrayList<>();
  private final AlertRuleForm form = new AlertRuleForm("fraud", List.of("amount", "age"));

  MonitoringRuleFormTest() {
    form.addCreateListener(e -> created.add(e.getInput()));
  }

  @SuppressWarnings("unchecked")
  private <T> ComboBox<T> combo(String id) {
    return find(form, id, ComboBox.class);
  }

  @SuppressWarnings("unchecked")
  private <T> Select<T> select(String id) {
    return find(form, id, Select.class);
  }

  @Test
  void aPerFeatureMetricNeedsAFeatureAndOffersThePrediction() {
    ComboBox<String> feature = combo("monitoring-rule-feature");
    assertThat(feature.isEnabled()).isFalse();

    combo("monitoring-rule-metric").setValue(MonitoredMetric.DRIFT_SCORE);
    find(form, "monitoring-rule-threshold", NumberField.class).setValue(0.2);
    click();

    assertThat(feature.isEnabled()).isTrue();
    assertThat(feature.getListDataView().getItems()).containsExactly("amount", "age", "prediction");
    assertThat(created).isEmpty();
    assertThat(feature.isInvalid()).isTrue();
    assertThat(find(form, "monitoring-rule-error", Span.class).getText())
        .isEqualTo("drift_score is measured per feature: choose one");
  }

  @Test
  void aCompleteRuleIsFiredInTheApisKeys() {
    combo("monitoring-rule-metric").setValue(MonitoredMetric.PSI);
    combo("monitoring-rule-feature").setValue("amount");
    find(form, "monitoring-rule-threshold", NumberField.class).setValue(0.25);
    select("monitoring-rule-severity").setValue(AlertSeverity.CRITICAL);
    find(form, "monitoring-rule-retrain", Checkbox.class).setValue(true);
    click();

    assertThat(created)
        .containsExactly(
            new AlertRuleInput(
                "fraud", Optional.of("amount"), "psi", "above", 0.25, "critical", true, true));
  }

  @Test
  void aModelWideMetricDropsTheFeatureAndSuggestsItsUsualSide() {
    combo("monitoring-rule-metric").setValue(MonitoredMetric.DRIFT_SCORE);
    combo("monitoring-rule-feature").setValue("age");
    combo("monitoring-rule-metric").setValue(MonitoredMetric.ACCURACY);
    find(form, "monitoring-rule-threshold", NumberField.class).setValue(0.8);
    click();

    assertThat(select("monitoring-rule-comparison").getValue()).isEqualTo(Comparison.BELOW);
    assertThat(created)
        .containsExactly(
            new AlertRuleInput(
                "fraud", Optional.empty(), "accuracy", "below", 0.8, "warning", false, true));
  }

  @Test
  void noMetricOrThresholdMarksTheField() {
    click();
    assertThat(combo("monitoring-rule-metric").isInvalid()).isTrue();

    combo("monitoring-rule-metric").setValue(MonitoredMetric.VOLUME);
    click();
    assertThat(find(form, "monitoring-rule-threshold", NumberField.class).isInvalid()).isTrue();
    assertThat(created).isEmpty();
  }

  @Test
  void theServicesRefusalMarksTheFieldItNames() {
    form.showError("threshold", "threshold must be finite");

    assertThat(find(form, "monitoring-rule-threshold", NumberField.class).getErrorMessage())
        .isEqualTo("threshold must be finite");
    assertThat(find(form, "monitoring-rule-error", Span.class).isVisible()).isTrue();
  }

  @Test
  void usualComparisons() {
    assertThat(AlertRuleForm.usualComparison(MonitoredMetric.VOLUME)).isEqualTo(Comparison.BELOW);
    assertThat(AlertRuleForm.usualComparison(MonitoredMetric.R2)).isEqualTo(Comparison.BELOW);
    assertThat(AlertRuleForm.usualComparison(MonitoredMetric.RMSE)).isEqualTo(Comparison.ABOVE);
    assertThat(AlertRuleForm.usualComparison(MonitoredMetric.MISSING_SHARE))
        .isEqualTo(Comparison.ABOVE);
  }

  private void click() {
    find(form, "monitoring-rule-add", Button.class).click();
  }

  static <T extends Component> T find(Component root, String id, Class<T> type) {
    return findOptional(root, id)
        .map(type::cast)
        .orElseThrow(() -> new AssertionError("no component with id " + id));
  }

  private static Optional<Component> findOptional(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren()
        .map(child -> findOptional(child, id))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
