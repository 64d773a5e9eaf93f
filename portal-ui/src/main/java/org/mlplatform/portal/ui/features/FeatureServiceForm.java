package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.portal.features.DefinitionJson.FeatureServiceJson;

/**
 * Creates a feature service (a named selection of features that a model reads together) or a new
 * version of one. Like {@link FeatureViewForm} it only checks what it can on the spot, fires a
 * {@link SaveEvent} with the JSON the REST API accepts and shows the server's errors through {@link
 * #showServerError}.
 */
public class FeatureServiceForm extends FormLayout implements DefinitionForm<FeatureServiceJson> {

  private final TextField name = FormFields.manual(new TextField("Name"));
  private final MultiSelectComboBox<String> features =
      FormFields.manual(new MultiSelectComboBox<>("Features"));
  private final TextField owner = FormFields.manual(new TextField("Owner"));
  private final TextField tags = FormFields.manual(new TextField("Tags"));
  private final TextArea description = FormFields.manual(new TextArea("Description"));
  private final Span formError = FormFields.formError();
  private final List<String> featureItems;

  /** A form for a new service choosing from {@code availableFeatures} ({@code view:feature}). */
  public FeatureServiceForm(List<String> availableFeatures) {
    this(availableFeatures, null);
  }

  /**
   * A form for a new version of {@code existing} (its name cannot change), or for a new service
   * when {@code existing} is null. Features of {@code existing} that are no longer available stay
   * selectable, so the user sees them and can drop them.
   */
  public FeatureServiceForm(List<String> availableFeatures, FeatureServiceJson existing) {
    setId("feature-service-form");
    // The existing selection first, so that saving keeps its order.
    Set<String> items = new LinkedHashSet<>();
    if (existing != null && existing.features() != null) {
      items.addAll(existing.features());
    }
    items.addAll(availableFeatures);
    featureItems = List.copyOf(items);
    configureFields();
    add(name, features, owner, tags, description, formError, buttons());
    setColspan(features, 2);
    setColspan(description, 2);
    setColspan(formError, 2);
    if (existing != null) {
      load(existing);
    }
  }

  /** Fired with the feature service to save once the form's own checks pass. */
  public static final class SaveEvent extends ComponentEvent<FeatureServiceForm> {

    private final FeatureServiceJson featureService;

    SaveEvent(FeatureServiceForm source, FeatureServiceJson featureService) {
      super(source, false);
      this.featureService = featureService;
    }

    /** The service as the REST API accepts it; version and versions are left null. */
    public FeatureServiceJson getFeatureService() {
      return featureService;
    }
  }

  /** Fired when the user gives up editing. */
  public static final class CancelEvent extends ComponentEvent<FeatureServiceForm> {

    CancelEvent(FeatureServiceForm source) {
      super(source, false);
    }
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
    return addListener(CancelEvent.class, listener);
  }

  @Override
  public Registration onSave(java.util.function.Consumer<FeatureServiceJson> action) {
    return addSaveListener(e -> action.accept(e.getFeatureService()));
  }

  @Override
  public Registration onCancel(Runnable action) {
    return addCancelListener(e -> action.run());
  }

  /**
   * Shows an error the server reported for a field path ({@code name}, {@code features[3]}, {@code
   * tags}, ...) on the input it names; anything else shows above the buttons.
   */
  @Override
  public void showServerError(String field, String message) {
    FieldPath path = FieldPath.parse(field).orElse(null);
    String root = path == null ? "" : path.root();
    switch (root) {
      case "name" -> FormFields.invalidate(name, message);
      case "features" -> FormFields.invalidate(features, message);
      case "owner" -> FormFields.invalidate(owner, message);
      case "tags" -> FormFields.invalidate(tags, message);
      case "description" -> FormFields.invalidate(description, message);
      default ->
          FormFields.show(
              formError, field == null || field.isBlank() ? message : field + ": " + message);
    }
  }

  private void configureFields() {
    name.setId("service-name");
    name.setRequiredIndicatorVisible(true);
    name.setMaxLength(63);
    name.setHelperText("Lower-case letters, digits and underscores, e.g. fraud_model_inputs");
    features.setId("service-features");
    features.setItems(featureItems);
    features.setRequiredIndicatorVisible(true);
    features.setHelperText("Each as view:feature");
    owner.setId("service-owner");
    owner.setHelperText("Empty: you");
    tags.setId("service-tags");
    tags.setHelperText("Comma separated, e.g. fraud, daily");
    description.setId("service-description");
  }

  private HorizontalLayout buttons() {
    Button save = new Button("Save", e -> save());
    save.setId("save-service");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    Button cancel = new Button("Cancel", e -> fireEvent(new CancelEvent(this)));
    cancel.setId("cancel-service");
    cancel.addClickShortcut(Key.ESCAPE);
    return new HorizontalLayout(save, cancel);
  }

  private void load(FeatureServiceJson existing) {
    name.setValue(existing.name() == null ? "" : existing.name());
    name.setReadOnly(true);
    name.setHelperText("Saving creates a new version of this service");
    if (existing.features() != null) {
      features.setValue(new LinkedHashSet<>(existing.features()));
    }
    owner.setValue(existing.owner() == null ? "" : existing.owner());
    tags.setValue(FormFields.tagsText(existing.tags()));
    description.setValue(existing.description() == null ? "" : existing.description());
  }

  private void save() {
    if (validate()) {
      fireEvent(new SaveEvent(this, value()));
    }
  }

  private FeatureServiceJson value() {
    return new FeatureServiceJson(
        name.getValue().strip(),
        null,
        null,
        featureItems.stream().filter(features.getValue()::contains).toList(),
        FormFields.stripToNull(owner.getValue()),
        FormFields.tags(tags.getValue()),
        FormFields.stripToNull(description.getValue()));
  }

  private boolean validate() {
    FormFields.clear(name, features, owner, tags, description);
    FormFields.hide(formError);
    boolean ok = true;
    String nameProblem = FormFields.nameProblem(name.getValue().strip());
    if (nameProblem != null) {
      FormFields.invalidate(name, nameProblem);
      ok = false;
    }
    if (features.getValue().isEmpty()) {
      FormFields.invalidate(features, "Choose at least one feature");
      ok = false;
    }
    String tagsProblem = FormFields.tagsProblem(FormFields.tags(tags.getValue()));
    if (tagsProblem != null) {
      FormFields.invalidate(tags, tagsProblem);
      ok = false;
    }
    if (!ok) {
      FormFields.show(formError, "Please correct the marked fields.");
    }
    return ok;
  }
}
