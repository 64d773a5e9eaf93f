package org.mlplatform.portal.ui.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.portal.ui.features.FeatureViewFormTest.find;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.features.DefinitionJson.FeatureServiceJson;

/** The feature-service form without a running UI: fill inputs by id, click, look at the events. */
class FeatureServiceFormTest {

  private static final List<String> AVAILABLE =
      List.of("customer_stats:amount", "customer_stats:txn_count", "merchant_stats:risk");

  private final List<FeatureServiceJson> saved = new ArrayList<>();
  private int cancelled;

  private FeatureServiceForm form(FeatureServiceJson existing) {
    FeatureServiceForm form = new FeatureServiceForm(AVAILABLE, existing);
    form.addSaveListener(e -> saved.add(e.getFeatureService()));
    form.addCancelListener(e -> cancelled++);
    return form;
  }

  @Test
  void savesAFilledInServiceAsTheJsonTheApiAccepts() {
    FeatureServiceForm form = form(null);
    text(form, "service-name").setValue(" fraud_inputs ");
    features(form).select("merchant_stats:risk", "customer_stats:amount");
    text(form, "service-owner").setValue("alice");
    text(form, "service-tags").setValue("fraud,  v2");
    find(form, "service-description", TextArea.class).setValue("What the fraud model reads");

    button(form, "save-service").click();

    assertThat(saved)
        .containsExactly(
            new FeatureServiceJson(
                "fraud_inputs",
                null,
                null,
                List.of("customer_stats:amount", "merchant_stats:risk"),
                "alice",
                List.of("fraud", "v2"),
                "What the fraud model reads"));
  }

  @Test
  void marksABadNameAndAnEmptySelectionInsteadOfSaving() {
    FeatureServiceForm form = form(null);
    text(form, "service-name").setValue("9lives");

    button(form, "save-service").click();

    assertThat(saved).isEmpty();
    assertError(text(form, "service-name"), "starting with a letter");
    assertError(features(form), "at least one feature");
    Span error = find(form, "form-error", Span.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("Please correct the marked fields.");
  }

  @Test
  void rejectsOverlongTags() {
    FeatureServiceForm form = form(null);
    text(form, "service-name").setValue("fraud_inputs");
    features(form).select("customer_stats:amount");
    text(form, "service-tags").setValue("ok, " + "x".repeat(101));

    button(form, "save-service").click();

    assertThat(saved).isEmpty();
    assertError(text(form, "service-tags"), "at most 100 characters");
  }

  @Test
  void editsAnExistingServiceKeepingItsFeatureOrderAndVanishedFeatures() {
    FeatureServiceJson existing =
        new FeatureServiceJson(
            "fraud_inputs",
            2,
            List.of(1, 2),
            List.of("merchant_stats:risk", "old_view:gone"),
            "bob",
            List.of("fraud"),
            null);
    FeatureServiceForm form = form(existing);
    assertThat(text(form, "service-name").isReadOnly()).isTrue();
    features(form).select("customer_stats:amount");

    button(form, "save-service").click();

    assertThat(saved)
        .containsExactly(
            new FeatureServiceJson(
                "fraud_inputs",
                null,
                null,
                List.of("merchant_stats:risk", "old_view:gone", "customer_stats:amount"),
                "bob",
                List.of("fraud"),
                null));
  }

  @Test
  void showsServerErrorsOnTheInputsTheirPathsName() {
    FeatureServiceForm form = form(null);

    form.showServerError("name", "a service named x exists");
    form.showServerError("features[1]", "unknown feature old_view:gone");
    form.showServerError("tags", "tags are 1 to 100 characters");

    assertError(text(form, "service-name"), "a service named x exists");
    assertError(features(form), "unknown feature old_view:gone");
    assertError(text(form, "service-tags"), "1 to 100 characters");
    assertThat(find(form, "form-error", Span.class).isVisible()).isFalse();

    form.showServerError("version", "conflict");
    Span error = find(form, "form-error", Span.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("version: conflict");
  }

  @Test
  void cancelFiresACancelEvent() {
    FeatureServiceForm form = form(null);

    button(form, "cancel-service").click();

    assertThat(cancelled).isOne();
    assertThat(saved).isEmpty();
  }

  private static void assertError(HasValidation field, String message) {
    assertThat(field.isInvalid()).isTrue();
    assertThat(field.getErrorMessage()).contains(message);
  }

  private static TextField text(Component root, String id) {
    return find(root, id, TextField.class);
  }

  @SuppressWarnings("unchecked")
  private static MultiSelectComboBox<String> features(Component root) {
    return find(root, "service-features", MultiSelectComboBox.class);
  }

  private static Button button(Component root, String id) {
    return find(root, id, Button.class);
  }
}
