package org.mlplatform.portal.ui.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.features.DefinitionJson.Column;
import org.mlplatform.portal.features.DefinitionJson.DerivedColumn;
import org.mlplatform.portal.features.DefinitionJson.FeatureViewJson;

/** The feature-view form without a running UI: fill inputs by id, click, look at the events. */
class FeatureViewFormTest {

  private static final List<String> ENTITIES = List.of("customer", "merchant");

  private final List<FeatureViewJson> saved = new ArrayList<>();
  private int cancelled;

  private FeatureViewForm form(FeatureViewJson existing) {
    FeatureViewForm form = new FeatureViewForm(ENTITIES, existing);
    form.addSaveListener(e -> saved.add(e.getFeatureView()));
    form.addCancelListener(e -> cancelled++);
    return form;
  }

  @Test
  void savesAFilledInViewAsTheJsonTheApiAccepts() {
    FeatureViewForm form = form(null);
    text(form, "view-name").setValue("customer_stats");
    entities(form).select("merchant", "customer");
    text(form, "feature-name-0").setValue("amount_7d");
    select(form, "feature-type-0").setValue("FLOAT64");
    text(form, "feature-description-0").setValue("  Sum over a week ");
    button(form, "add-feature").click();
    text(form, "feature-name-1").setValue("txn_count");
    select(form, "feature-type-1").setValue("INT64");
    find(form, "view-ttl", IntegerField.class).setValue(2);
    text(form, "view-owner").setValue("alice");
    text(form, "view-tags").setValue("fraud, daily , ,fraud");
    find(form, "view-description", TextArea.class).setValue("Spending per customer");
    button(form, "add-derived").click();
    text(form, "derived-name-0").setValue("avg_amount");
    text(form, "derived-expression-0").setValue("amount_7d / txn_count");
    button(form, "add-request-field").click();
    text(form, "request-field-name-0").setValue("channel");
    select(form, "request-field-type-0").setValue("STRING");

    button(form, "save-view").click();

    assertThat(saved)
        .containsExactly(
            new FeatureViewJson(
                "customer_stats",
                null,
                null,
                List.of("customer", "merchant"),
                null,
                List.of(
                    new Column("amount_7d", "FLOAT64", "Sum over a week"),
                    new Column("txn_count", "INT64", null)),
                2L * 86_400,
                "alice",
                List.of("fraud", "daily"),
                "Spending per customer",
                List.of(new DerivedColumn("avg_amount", "amount_7d / txn_count", null, null)),
                List.of(new Column("channel", "STRING", null))));
    assertThat(find(form, "form-error", Span.class).isVisible()).isFalse();
  }

  @Test
  void anEmptyTtlMeansForeverAndAnEmptyOwnerIsLeftToTheServer() {
    FeatureViewForm form = form(null);
    fillMinimal(form);

    button(form, "save-view").click();

    assertThat(saved)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.ttlSeconds()).isZero();
              assertThat(v.owner()).isNull();
              assertThat(v.tags()).isEmpty();
              assertThat(v.derivedFeatures()).isEmpty();
              assertThat(v.requestFields()).isEmpty();
            });
  }

  @Test
  void marksABadNameAMissingEntityAndAnUntypedFeatureInsteadOfSaving() {
    FeatureViewForm form = form(null);
    text(form, "view-name").setValue("Customer Stats");
    text(form, "feature-name-0").setValue("amount");

    button(form, "save-view").click();

    assertThat(saved).isEmpty();
    assertError(text(form, "view-name"), "lower-case letters");
    assertError(entities(form), "at least one entity");
    assertError(select(form, "feature-type-0"), "Choose a type");
    assertThat(text(form, "feature-name-0").isInvalid()).isFalse();
    assertThat(formError(form)).isEqualTo("Please correct the marked fields.");
  }

  @Test
  void needsAtLeastOneFeature() {
    FeatureViewForm form = form(null);
    fillMinimal(form);
    button(form, "feature-remove-0").click();

    button(form, "save-view").click();

    assertThat(saved).isEmpty();
    assertThat(findOptional(form, "feature-name-0")).isEmpty();
    assertThat(formError(form)).isEqualTo("Add at least one feature");
  }

  @Test
  void rejectsNamesUsedTwiceAcrossFeaturesAndOnDemandFeaturesAndOpensThatSection() {
    FeatureViewForm form = form(null);
    fillMinimal(form);
    button(form, "add-feature").click();
    text(form, "feature-name-1").setValue("event_timestamp");
    select(form, "feature-type-1").setValue("TIMESTAMP");
    button(form, "add-derived").click();
    text(form, "derived-name-0").setValue("amount");

    button(form, "save-view").click();

    assertThat(saved).isEmpty();
    assertError(text(form, "feature-name-1"), "reserved");
    assertError(text(form, "derived-name-0"), "Duplicate name amount");
    assertError(text(form, "derived-expression-0"), "expression is required");
    assertThat(text(form, "feature-name-0").isInvalid()).isFalse();
    assertThat(find(form, "on-demand", Details.class).isOpened()).isTrue();
  }

  @Test
  void removingARowRenumbersTheRowsBelowIt() {
    FeatureViewForm form = form(null);
    button(form, "add-feature").click();
    button(form, "add-feature").click();
    text(form, "feature-name-2").setValue("third");

    button(form, "feature-remove-0").click();

    assertThat(text(form, "feature-name-1").getValue()).isEqualTo("third");
    assertThat(findOptional(form, "feature-name-2")).isEmpty();
  }

  @Test
  void editsAnExistingViewKeepingItsNameAndValues() {
    FeatureViewJson existing =
        new FeatureViewJson(
            "customer_stats",
            3,
            List.of(1, 2, 3),
            List.of("merchant", "customer"),
            List.of("merchant_id", "customer_id"),
            List.of(new Column("amount", "float64", "Sum")),
            5_400L,
            "bob",
            List.of("daily"),
            "Spending",
            List.of(new DerivedColumn("big", "amount > 100", "BOOL", null)),
            List.of(new Column("channel", "STRING", null)));
    FeatureViewForm form = form(existing);

    assertThat(text(form, "view-name").isReadOnly()).isTrue();
    assertThat(find(form, "view-ttl", IntegerField.class).getValue()).isEqualTo(90);
    assertThat(select(form, "view-ttl-unit").getValue()).isEqualTo(TtlInput.Unit.MINUTES);
    assertThat(find(form, "on-demand", Details.class).isOpened()).isTrue();

    button(form, "save-view").click();

    assertThat(saved)
        .containsExactly(
            new FeatureViewJson(
                "customer_stats",
                null,
                null,
                List.of("merchant", "customer"),
                null,
                List.of(new Column("amount", "FLOAT64", "Sum")),
                5_400L,
                "bob",
                List.of("daily"),
                "Spending",
                List.of(new DerivedColumn("big", "amount > 100", "BOOL", null)),
                List.of(new Column("channel", "STRING", null))));
  }

  @Test
  void showsServerErrorsOnTheInputsTheirPathsName() {
    FeatureViewForm form = form(null);
    button(form, "add-feature").click();
    button(form, "add-derived").click();

    form.showServerError("name", "a view named x exists");
    form.showServerError("entities[0]", "unknown entity 'x'");
    form.showServerError("features[1].type", "unknown type 'X'");
    form.showServerError("derivedFeatures[0].expression", "at column 3: unknown input 'amout'");
    form.showServerError("ttlSeconds", "TTL must not be negative");
    form.showServerError("tags", "tags are 1 to 100 characters");

    assertError(text(form, "view-name"), "a view named x exists");
    assertError(entities(form), "unknown entity 'x'");
    assertError(select(form, "feature-type-1"), "unknown type 'X'");
    assertError(text(form, "derived-expression-0"), "unknown input 'amout'");
    assertThat(find(form, "on-demand", Details.class).isOpened()).isTrue();
    assertError(find(form, "view-ttl", IntegerField.class), "must not be negative");
    assertError(text(form, "view-tags"), "1 to 100 characters");
    assertThat(find(form, "form-error", Span.class).isVisible()).isFalse();
  }

  @Test
  void showsServerErrorsWithoutAnInputAboveTheButtons() {
    FeatureViewForm form = form(null);

    form.showServerError("features", "a feature view needs at least one feature");
    assertThat(formError(form)).isEqualTo("a feature view needs at least one feature");

    form.showServerError("features[7].name", "duplicate name a in the view");
    assertThat(formError(form)).isEqualTo("duplicate name a in the view");

    form.showServerError("joinKeys", "clash");
    assertThat(formError(form)).isEqualTo("joinKeys: clash");
  }

  @Test
  void aCorrectedSaveClearsEarlierErrors() {
    FeatureViewForm form = form(null);
    button(form, "save-view").click();
    assertThat(text(form, "view-name").isInvalid()).isTrue();

    fillMinimal(form);
    button(form, "save-view").click();

    assertThat(saved).hasSize(1);
    assertThat(text(form, "view-name").isInvalid()).isFalse();
    assertThat(entities(form).isInvalid()).isFalse();
    assertThat(find(form, "form-error", Span.class).isVisible()).isFalse();
  }

  @Test
  void cancelFiresACancelEvent() {
    FeatureViewForm form = form(null);

    button(form, "cancel-view").click();

    assertThat(cancelled).isOne();
    assertThat(saved).isEmpty();
  }

  @Test
  void offersEveryServerTypeForFeatures() {
    FeatureViewForm form = form(null);
    assertThat(select(form, "feature-type-0").getListDataView().getItems())
        .containsExactly("INT32", "INT64", "FLOAT32", "FLOAT64", "STRING", "BOOL", "TIMESTAMP");
    assertThat(entities(form).getListDataView().getItems()).containsExactlyElementsOf(ENTITIES);
  }

  private static void fillMinimal(FeatureViewForm form) {
    text(form, "view-name").setValue("customer_stats");
    entities(form).select("customer");
    text(form, "feature-name-0").setValue("amount");
    select(form, "feature-type-0").setValue("FLOAT64");
  }

  private static void assertError(HasValidation field, String message) {
    assertThat(field.isInvalid()).isTrue();
    assertThat(field.getErrorMessage()).contains(message);
  }

  private static String formError(Component form) {
    Span error = find(form, "form-error", Span.class);
    assertThat(error.isVisible()).isTrue();
    return error.getText();
  }

  private static TextField text(Component root, String id) {
    return find(root, id, TextField.class);
  }

  @SuppressWarnings("unchecked")
  private static <T> Select<T> select(Component root, String id) {
    return find(root, id, Select.class);
  }

  @SuppressWarnings("unchecked")
  private static MultiSelectComboBox<String> entities(Component root) {
    return find(root, "view-entities", MultiSelectComboBox.class);
  }

  private static Button button(Component root, String id) {
    return find(root, id, Button.class);
  }

  static <T extends Component> T find(Component root, String id, Class<T> type) {
    return findOptional(root, id)
        .map(type::cast)
        .orElseThrow(() -> new AssertionError("no component with id " + id));
  }

  static Optional<Component> findOptional(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren()
        .map(child -> findOptional(child, id))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
