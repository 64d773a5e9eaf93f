package org.mlplatform.portal.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.ui.monitoring.MonitoringRuleFormTest.find;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.DriftMethod;
import org.mlplatform.domain.monitoring.policy.FeatureDriftOverride;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.portal.monitoring.MonitoringPolicies;
import org.mlplatform.portal.monitoring.MonitoringPolicies.Current;
import org.mlplatform.portal.monitoring.MonitoringPolicies.Terms;

/** The policy panel without a running UI: fill inputs by id, click, look at the events. */
class MonitoringPolicyPanelTest {

  private static final Current DEFAULTS =
      new Current(MonitoringPolicy.defaults(new ResourceName("fraud")), false);

  private final List<Terms> saved = new ArrayList<>();

  private MonitoringPolicyPanel panel(boolean editable) {
    MonitoringPolicyPanel panel =
        new MonitoringPolicyPanel(DEFAULTS, List.of("amount", "country"), editable);
    panel.addSaveListener(e -> saved.add(e.getTerms()));
    return panel;
  }

  @SuppressWarnings("unchecked")
  private static <T> Select<T> select(MonitoringPolicyPanel panel, String id) {
    return find(panel, id, Select.class);
  }

  @SuppressWarnings("unchecked")
  private static Grid<FeatureDriftOverride> grid(MonitoringPolicyPanel panel) {
    return find(panel, "monitoring-policy-overrides", Grid.class);
  }

  @Test
  void editorsChangeTheFieldsAndSaveTerms() {
    MonitoringPolicyPanel panel = panel(true);
    assertThat(find(panel, "monitoring-policy-status", Span.class).getText())
        .isEqualTo("Defaults (not saved yet).");

    find(panel, "monitoring-policy-drift-share", NumberField.class).setValue(30.0);
    select(panel, "monitoring-policy-window").setValue(Duration.ofDays(7));
    find(panel, "monitoring-policy-window-predictions", IntegerField.class).setValue(2_000);
    select(panel, "monitoring-policy-every").setValue(Duration.ofHours(1));
    find(panel, "monitoring-policy-save", Button.class).click();

    assertThat(saved).containsExactly(new Terms(0.3, "PT168H", 2_000, "PT1H", List.of()));
  }

  @Test
  void anOverrideIsAddedFromTheLineAndRemovedFromItsRow() {
    MonitoringPolicyPanel panel = panel(true);
    @SuppressWarnings("unchecked")
    ComboBox<String> feature = find(panel, "monitoring-policy-override-feature", ComboBox.class);
    assertThat(feature.getListDataView().getItems())
        .containsExactly("amount", "country", "prediction");

    feature.setValue("amount");
    select(panel, "monitoring-policy-override-method").setValue(DriftMethod.WASSERSTEIN);
    find(panel, "monitoring-policy-override-threshold", NumberField.class).setValue(0.2);
    find(panel, "monitoring-policy-override-add", Button.class).click();

    assertThat(grid(panel).getListDataView().getItems())
        .extracting(FeatureDriftOverride::feature)
        .containsExactly("amount");
    assertThat(feature.getValue()).isNull();
    find(panel, "monitoring-policy-save", Button.class).click();
    assertThat(saved.getFirst().overrides())
        .containsExactly(new MonitoringPolicies.Override("amount", false, "wasserstein", 0.2));

    FeatureDriftOverride row = grid(panel).getListDataView().getItem(0);
    assertThat(panel.values().overrides()).containsExactly(row);
  }

  @Test
  void aBadOverrideOrShareIsMarkedAndNotSaved() {
    MonitoringPolicyPanel panel = panel(true);

    find(panel, "monitoring-policy-override-add", Button.class).click();
    assertThat(find(panel, "monitoring-policy-override-feature", ComboBox.class).isInvalid())
        .isTrue();
    assertThat(find(panel, "monitoring-policy-error", Paragraph.class).getText())
        .isEqualTo("Feature must not be blank.");

    find(panel, "monitoring-policy-drift-share", NumberField.class).setValue(150.0);
    find(panel, "monitoring-policy-save", Button.class).click();
    assertThat(find(panel, "monitoring-policy-drift-share", NumberField.class).isInvalid())
        .isTrue();
    assertThat(saved).isEmpty();
  }

  @Test
  void theServicesRefusalMarksTheFieldItNames() {
    MonitoringPolicyPanel panel = panel(true);

    panel.showError("window", "window is PT0S; give PT1M (one minute) to P365D");

    assertThat(select(panel, "monitoring-policy-window").isInvalid()).isTrue();
    assertThat(find(panel, "monitoring-policy-error", Paragraph.class).isVisible()).isTrue();
  }

  @Test
  void othersReadThePolicyButCannotSaveIt() {
    MonitoringPolicyPanel panel = panel(false);

    assertThat(find(panel, "monitoring-policy-save", Button.class).isEnabled()).isFalse();
    assertThat(find(panel, "monitoring-policy-drift-share", NumberField.class).isReadOnly())
        .isTrue();
    assertThat(select(panel, "monitoring-policy-window").isReadOnly()).isTrue();
    assertThat(select(panel, "monitoring-policy-window").getValue())
        .isEqualTo(Duration.ofHours(24));
    assertThat(has(panel, "monitoring-policy-override-add")).isFalse();
  }

  private static boolean has(Component root, String id) {
    return root.getId().filter(id::equals).isPresent()
        || root.getChildren().anyMatch(child -> has(child, id));
  }
}
