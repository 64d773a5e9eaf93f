package org.mlplatform.portal.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.policy.ModelPolicy;
import org.mlplatform.portal.models.ModelPolicies;
import org.mlplatform.portal.models.ModelPolicies.Current;

/** The policy panel without a running UI: fill inputs by id, click, look at the events. */
class ModelPolicyPanelTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final Current DEFAULTS = new Current(ModelPolicy.defaults(FRAUD), false);

  private final List<ModelPolicies.Terms> saved = new ArrayList<>();

  private ModelPolicyPanel panel(Current current, boolean editable) {
    ModelPolicyPanel panel = new ModelPolicyPanel(current, editable);
    panel.addSaveListener(e -> saved.add(e.getTerms()));
    return panel;
  }

  private static Current savedPolicy() {
    return new Current(
        new ModelPolicy(
            FRAUD,
            0.02,
            0.005,
            Optional.of(Duration.ofDays(7)),
            Map.of("rmse", 0.5, "accuracy", 0.0001),
            "alice",
            Instant.parse("2026-03-01T12:00:00Z")),
        true);
  }

  @Test
  void showsTheDefaultsOfAModelWithoutAPolicy() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);

    assertThat(number(panel, "policy-tolerance").getValue()).isEqualTo(0.01);
    assertThat(number(panel, "policy-margin").getValue()).isZero();
    assertThat(text(panel, "policy-retrain-every").getValue()).isEmpty();
    assertThat(text(panel, "policy-retrain-every").getHelperText()).isEqualTo("ISO-8601, e.g. P7D");
    assertThat(find(panel, "policy-status", Span.class).getText()).startsWith("Defaults");
  }

  @Test
  void showsASavedPolicyAndWhoSetItWhen() {
    ModelPolicyPanel panel = panel(savedPolicy(), false);

    assertThat(number(panel, "policy-tolerance").getValue()).isEqualTo(0.02);
    assertThat(number(panel, "policy-margin").getValue()).isEqualTo(0.005);
    assertThat(text(panel, "policy-retrain-every").getValue()).isEqualTo("P7D");
    assertThat(find(panel, "policy-metric-tolerances", TextArea.class).getValue())
        .isEqualTo("accuracy=0.0001\nrmse=0.5");
    assertThat(find(panel, "policy-status", Span.class).getText())
        .isEqualTo("Set by alice on 2026-03-01 12:00:00 UTC.");
  }

  @Test
  void onlyEditorsGetASaveButtonAndWritableFields() {
    ModelPolicyPanel readOnly = panel(savedPolicy(), false);

    assertThat(findOptional(readOnly, "policy-save")).isEmpty();
    assertThat(number(readOnly, "policy-tolerance").isReadOnly()).isTrue();
    assertThat(number(readOnly, "policy-margin").isReadOnly()).isTrue();
    assertThat(text(readOnly, "policy-retrain-every").isReadOnly()).isTrue();

    ModelPolicyPanel editable = panel(savedPolicy(), true);
    assertThat(findOptional(editable, "policy-save")).isPresent();
    assertThat(number(editable, "policy-tolerance").isReadOnly()).isFalse();
  }

  @Test
  void savesWhatWasTyped() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    number(panel, "policy-tolerance").setValue(0.05);
    number(panel, "policy-margin").setValue(0.01);
    text(panel, "policy-retrain-every").setValue(" P1DT12H ");
    find(panel, "policy-metric-tolerances", TextArea.class).setValue("rmse = 0.5\n\n f1_macro=0\n");

    click(panel);

    assertThat(saved)
        .containsExactly(
            new ModelPolicies.Terms(
                0.05,
                0.01,
                Optional.of(Duration.ofHours(36)),
                Map.of("f1_macro", 0.0, "rmse", 0.5)));
  }

  @Test
  void anEmptyScheduleMeansNone() {
    ModelPolicyPanel panel = panel(savedPolicy(), true);
    text(panel, "policy-retrain-every").setValue("");

    click(panel);

    assertThat(saved).singleElement().satisfies(t -> assertThat(t.retrainingEvery()).isEmpty());
  }

  @Test
  void marksAMalformedScheduleInsteadOfSaving() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    text(panel, "policy-retrain-every").setValue("7 days");

    click(panel);

    assertThat(saved).isEmpty();
    assertThat(text(panel, "policy-retrain-every").isInvalid()).isTrue();
    Span error = find(panel, "policy-error", Span.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).contains("ISO-8601");
  }

  @Test
  void marksAScheduleOutOfRange() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    text(panel, "policy-retrain-every").setValue("PT1S");

    click(panel);

    assertThat(saved).isEmpty();
    assertThat(text(panel, "policy-retrain-every").isInvalid()).isTrue();
    assertThat(find(panel, "policy-error", Span.class).getText()).contains("PT1H");
  }

  @Test
  void marksNumbersOutOfRangeOrMissing() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    number(panel, "policy-tolerance").setValue(-1.0);
    click(panel);
    assertThat(number(panel, "policy-tolerance").isInvalid()).isTrue();

    number(panel, "policy-tolerance").setValue(null);
    click(panel);
    assertThat(number(panel, "policy-tolerance").isInvalid()).isTrue();

    number(panel, "policy-tolerance").setValue(0.01);
    number(panel, "policy-margin").setValue(-0.5);
    click(panel);
    assertThat(number(panel, "policy-tolerance").isInvalid()).isFalse();
    assertThat(number(panel, "policy-margin").isInvalid()).isTrue();
    assertThat(saved).isEmpty();
  }

  @Test
  void marksMalformedPerMetricTolerances() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    TextArea perMetric = find(panel, "policy-metric-tolerances", TextArea.class);

    for (String input : List.of("rmse", "rmse=", "=0.5", "rmse=abc", "rmse=-1", "rmse=1\nrmse=2")) {
      perMetric.setValue(input);
      click(panel);
      assertThat(perMetric.isInvalid()).as(input).isTrue();
    }
    assertThat(saved).isEmpty();
  }

  @Test
  void showsServerErrorsOnTheFieldTheyName() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);

    panel.showError("metricTolerances.rmse", "the tolerance for rmse is too large");
    assertThat(find(panel, "policy-metric-tolerances", TextArea.class).isInvalid()).isTrue();

    panel.showError(null, "no model named fraud");
    assertThat(find(panel, "policy-metric-tolerances", TextArea.class).isInvalid()).isFalse();
    assertThat(find(panel, "policy-error", Span.class).getText()).isEqualTo("no model named fraud");
  }

  @Test
  void showingTheSavedPolicyClearsTheErrors() {
    ModelPolicyPanel panel = panel(DEFAULTS, true);
    panel.showError("retrainingEvery", "bad");

    panel.show(savedPolicy());

    assertThat(text(panel, "policy-retrain-every").isInvalid()).isFalse();
    assertThat(find(panel, "policy-error", Span.class).isVisible()).isFalse();
    assertThat(find(panel, "policy-status", Span.class).getText()).startsWith("Set by alice");
  }

  private static void click(Component root) {
    find(root, "policy-save", Button.class).click();
  }

  private static NumberField number(Component root, String id) {
    return find(root, id, NumberField.class);
  }

  private static TextField text(Component root, String id) {
    return find(root, id, TextField.class);
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
