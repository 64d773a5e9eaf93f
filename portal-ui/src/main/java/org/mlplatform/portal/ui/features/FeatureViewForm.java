package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.portal.features.DefinitionJson.Column;
import org.mlplatform.portal.features.DefinitionJson.DerivedColumn;
import org.mlplatform.portal.features.DefinitionJson.FeatureViewJson;

/**
 * Creates a feature view or a new version of one. Like the ContactForm of Vaadin's CRM tutorial it
 * knows no services: it checks what it can on the spot, then fires a {@link SaveEvent} carrying the
 * JSON the REST API accepts. The view that owns it sends that on and hands the server's verdict
 * back through {@link #showServerError}, so both kinds of error appear on the same inputs.
 */
public class FeatureViewForm extends VerticalLayout implements DefinitionForm<FeatureViewJson> {

  private static final Set<String> LIST_ROOTS =
      Set.of("features", "derivedFeatures", "requestFields");

  private final TextField name = FormFields.manual(new TextField("Name"));
  private final MultiSelectComboBox<String> entities =
      FormFields.manual(new MultiSelectComboBox<>("Entities"));
  private final TtlInput ttl = new TtlInput("view-ttl");
  private final TextField owner = FormFields.manual(new TextField("Owner"));
  private final TextField tags = FormFields.manual(new TextField("Tags"));
  private final TextArea description = FormFields.manual(new TextArea("Description"));
  private final RowList<ColumnRow> features = new RowList<>("features");
  private final RowList<DerivedColumnRow> derived = new RowList<>("derived-features");
  private final RowList<ColumnRow> requestFields = new RowList<>("request-fields");
  private final Details onDemand = new Details("On-demand features");
  private final Span formError = FormFields.formError();
  private final List<String> entityItems;

  /** A form for a new feature view over some of {@code availableEntities}. */
  public FeatureViewForm(List<String> availableEntities) {
    this(availableEntities, null);
  }

  /**
   * A form for a new version of {@code existing} (its name cannot change), or for a new view when
   * {@code existing} is null.
   */
  public FeatureViewForm(List<String> availableEntities, FeatureViewJson existing) {
    setPadding(false);
    setId("feature-view-form");
    // The existing selection first, so that saving keeps its order.
    Set<String> items = new LinkedHashSet<>();
    if (existing != null && existing.entities() != null) {
      items.addAll(existing.entities());
    }
    items.addAll(availableEntities);
    entityItems = List.copyOf(items);
    configureFields();
    add(
        basics(),
        new H4("Features"),
        features,
        addButton("Add feature", "add-feature", () -> addFeature(null)),
        onDemandSection(),
        formError,
        buttons());
    if (existing == null) {
      addFeature(null);
    } else {
      load(existing);
    }
  }

  /** Fired with the feature view to save once the form's own checks pass. */
  public static final class SaveEvent extends ComponentEvent<FeatureViewForm> {

    private final FeatureViewJson featureView;

    SaveEvent(FeatureViewForm source, FeatureViewJson featureView) {
      super(source, false);
      this.featureView = featureView;
    }

    /** The view as the REST API accepts it; version, versions and join keys are left null. */
    public FeatureViewJson getFeatureView() {
      return featureView;
    }
  }

  /** Fired when the user gives up editing. */
  public static final class CancelEvent extends ComponentEvent<FeatureViewForm> {

    CancelEvent(FeatureViewForm source) {
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
  public Registration onSave(java.util.function.Consumer<FeatureViewJson> action) {
    return addSaveListener(e -> action.accept(e.getFeatureView()));
  }

  @Override
  public Registration onCancel(Runnable action) {
    return addCancelListener(e -> action.run());
  }

  /**
   * Shows an error the server reported for a field path such as {@code name}, {@code
   * features[2].type} or {@code derivedFeatures[0].expression} on the input it names; anything that
   * names no input shows above the buttons.
   */
  @Override
  public void showServerError(String field, String message) {
    FieldPath path = FieldPath.parse(field).orElse(null);
    if (path != null && showOnInput(path, message)) {
      return;
    }
    boolean known = path != null && LIST_ROOTS.contains(path.root());
    FormFields.show(
        formError, known || field == null || field.isBlank() ? message : field + ": " + message);
  }

  private void configureFields() {
    name.setId("view-name");
    name.setRequiredIndicatorVisible(true);
    name.setMaxLength(63);
    name.setHelperText("Lower-case letters, digits and underscores, e.g. customer_stats");
    entities.setId("view-entities");
    entities.setItems(entityItems);
    entities.setRequiredIndicatorVisible(true);
    entities.setHelperText("The entities whose join keys identify a row");
    owner.setId("view-owner");
    owner.setHelperText("Empty: you");
    tags.setId("view-tags");
    tags.setHelperText("Comma separated, e.g. fraud, daily");
    description.setId("view-description");
  }

  private FormLayout basics() {
    FormLayout form = new FormLayout(name, entities, ttl, owner, tags, description);
    form.setColspan(description, 2);
    return form;
  }

  private Details onDemandSection() {
    onDemand.setId("on-demand");
    onDemand.setWidthFull();
    onDemand.add(
        new Paragraph(
            "Computed when a row is served or a training set is built, from this view's features"
                + " and the request fields a caller sends."),
        new H4("Computed features"),
        derived,
        addButton("Add on-demand feature", "add-derived", () -> addDerived(null)),
        new H4("Request fields"),
        requestFields,
        addButton("Add request field", "add-request-field", () -> addRequestField(null)));
    return onDemand;
  }

  private HorizontalLayout buttons() {
    Button save = new Button("Save", e -> save());
    save.setId("save-view");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    Button cancel = new Button("Cancel", e -> fireEvent(new CancelEvent(this)));
    cancel.setId("cancel-view");
    cancel.addClickShortcut(Key.ESCAPE);
    return new HorizontalLayout(save, cancel);
  }

  private static Button addButton(String text, String id, Runnable action) {
    Button button = new Button(text, VaadinIcon.PLUS.create(), e -> action.run());
    button.setId(id);
    button.addThemeVariants(ButtonVariant.TERTIARY);
    return button;
  }

  private void addFeature(Column initial) {
    features.append(new ColumnRow("feature", "Remove feature", true, initial));
  }

  private void addDerived(DerivedColumn initial) {
    derived.append(new DerivedColumnRow(initial));
  }

  private void addRequestField(Column initial) {
    requestFields.append(new ColumnRow("request-field", "Remove request field", false, initial));
  }

  private void load(FeatureViewJson existing) {
    name.setValue(existing.name() == null ? "" : existing.name());
    name.setReadOnly(true);
    name.setHelperText("Saving creates a new version of this view");
    if (existing.entities() != null) {
      entities.setValue(new LinkedHashSet<>(existing.entities()));
    }
    ttl.setSeconds(existing.ttlSeconds());
    owner.setValue(existing.owner() == null ? "" : existing.owner());
    tags.setValue(FormFields.tagsText(existing.tags()));
    description.setValue(existing.description() == null ? "" : existing.description());
    nullToEmpty(existing.features()).forEach(this::addFeature);
    nullToEmpty(existing.derivedFeatures()).forEach(this::addDerived);
    nullToEmpty(existing.requestFields()).forEach(this::addRequestField);
    onDemand.setOpened(!derived.rows().isEmpty() || !requestFields.rows().isEmpty());
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private void save() {
    if (validate()) {
      fireEvent(new SaveEvent(this, value()));
    }
  }

  private FeatureViewJson value() {
    return new FeatureViewJson(
        name.getValue().strip(),
        null,
        null,
        entityItems.stream().filter(entities.getValue()::contains).toList(),
        null,
        features.rows().stream().map(ColumnRow::value).toList(),
        ttl.seconds(),
        FormFields.stripToNull(owner.getValue()),
        FormFields.tags(tags.getValue()),
        FormFields.stripToNull(description.getValue()),
        derived.rows().stream().map(DerivedColumnRow::value).toList(),
        requestFields.rows().stream().map(ColumnRow::value).toList());
  }

  /** The server's rules that need no catalogue, checked here; marks every offending input. */
  private boolean validate() {
    clearErrors();
    boolean ok = true;
    String nameProblem = FormFields.nameProblem(name.getValue().strip());
    if (nameProblem != null) {
      FormFields.invalidate(name, nameProblem);
      ok = false;
    }
    if (entities.getValue().isEmpty()) {
      FormFields.invalidate(entities, "Choose at least one entity");
      ok = false;
    }
    if (features.rows().isEmpty()) {
      FormFields.show(formError, "Add at least one feature");
      ok = false;
    }
    Set<String> seen = new HashSet<>();
    boolean featuresOk = all(features.rows(), ColumnRow::validate);
    featuresOk &= uniqueNames(features.rows().stream().map(ColumnRow::nameField).toList(), seen);
    boolean onDemandOk =
        all(derived.rows(), DerivedColumnRow::validate)
            & all(requestFields.rows(), ColumnRow::validate);
    onDemandOk &=
        uniqueNames(derived.rows().stream().map(DerivedColumnRow::nameField).toList(), seen);
    onDemandOk &=
        uniqueNames(requestFields.rows().stream().map(ColumnRow::nameField).toList(), seen);
    ok &= featuresOk & onDemandOk & ttl.validate();
    String tagsProblem = FormFields.tagsProblem(FormFields.tags(tags.getValue()));
    if (tagsProblem != null) {
      FormFields.invalidate(tags, tagsProblem);
      ok = false;
    }
    if (!onDemandOk) {
      onDemand.setOpened(true);
    }
    if (!ok && !formError.isVisible()) {
      FormFields.show(formError, "Please correct the marked fields.");
    }
    return ok;
  }

  /** Checks every row (not just up to the first failure) so that all mistakes are marked. */
  private static <R> boolean all(List<R> rows, Predicate<R> check) {
    boolean ok = true;
    for (R row : rows) {
      ok &= check.test(row);
    }
    return ok;
  }

  /**
   * Features, on-demand features and request fields share one namespace, and {@code
   * event_timestamp} belongs to the store. Marks each later use of a name already in {@code seen};
   * names already marked as malformed are skipped.
   */
  private static boolean uniqueNames(List<TextField> names, Set<String> seen) {
    boolean ok = true;
    for (TextField field : names) {
      String value = field.getValue().strip();
      if (field.isInvalid()) {
        continue;
      }
      if (value.equals(FeatureViewDefinition.EVENT_TIMESTAMP)) {
        FormFields.invalidate(field, value + " is reserved for the event time");
        ok = false;
      } else if (!seen.add(value)) {
        FormFields.invalidate(field, "Duplicate name " + value + " in this view");
        ok = false;
      }
    }
    return ok;
  }

  private void clearErrors() {
    FormFields.clear(name, entities, owner, tags, description);
    ttl.clearErrors();
    features.clearErrors();
    derived.clearErrors();
    requestFields.clearErrors();
    FormFields.hide(formError);
  }

  private boolean showOnInput(FieldPath path, String message) {
    switch (path.root()) {
      case "name" -> FormFields.invalidate(name, message);
      case "entities" -> FormFields.invalidate(entities, message);
      case "ttlSeconds" -> ttl.showError(message);
      case "owner" -> FormFields.invalidate(owner, message);
      case "tags" -> FormFields.invalidate(tags, message);
      case "description" -> FormFields.invalidate(description, message);
      case "features" -> {
        return showOnRow(features, path, message);
      }
      case "derivedFeatures", "requestFields" -> {
        boolean shown =
            showOnRow(
                path.root().equals("derivedFeatures") ? derived : requestFields, path, message);
        if (shown) {
          onDemand.setOpened(true);
        }
        return shown;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean showOnRow(RowList<?> rows, FieldPath path, String message) {
    return rows.row(path.index())
        .map(
            row -> {
              row.showError(path.leaf(), message);
              return true;
            })
        .orElse(false);
  }
}
