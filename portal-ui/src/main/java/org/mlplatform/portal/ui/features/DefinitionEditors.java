package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.DefinitionJson.FeatureServiceJson;
import org.mlplatform.portal.features.DefinitionJson.FeatureViewJson;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.features.FeatureStoreService;

/**
 * Opens the feature view and feature service forms in dialogs and saves what they produce through
 * the same services (rules, audit) the REST API uses; a refusal is shown on the field it names.
 */
final class DefinitionEditors {

  private final FeatureStoreService features;
  private final FeatureServices services;
  private final PlatformUser user;

  DefinitionEditors(FeatureStoreService features, FeatureServices services, PlatformUser user) {
    this.features = features;
    this.services = services;
    this.user = user;
  }

  /** A new feature view; on success opens its page. */
  void newView() {
    FeatureViewForm form = new FeatureViewForm(entityNames());
    Dialog dialog = dialog("New feature view", form);
    form.addCancelListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            save(
                dialog,
                form::showServerError,
                () ->
                    features.createView(
                        e.getFeatureView().toDefinition(user.username()), user, http())));
  }

  /** Edits a view: a schema change makes a new version; the page reloads either way. */
  void editView(FeatureViewDefinition view) {
    FeatureViewForm form =
        new FeatureViewForm(
            entityNames(),
            FeatureViewJson.of(view, features.versions(view.name()), features.joinKeyNames(view)));
    Dialog dialog = dialog("Edit " + view.name(), form);
    form.addCancelListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            save(
                dialog,
                form::showServerError,
                () ->
                    features.updateView(
                        e.getFeatureView().named(view.name().value()).toDefinition(user.username()),
                        user,
                        http())));
  }

  /** A new feature service; on success the catalogue reloads. */
  void newService() {
    FeatureServiceForm form = new FeatureServiceForm(features.featureReferences());
    Dialog dialog = dialog("New feature service", form);
    form.addCancelListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            saveService(
                dialog,
                form::showServerError,
                () ->
                    services.create(
                        e.getFeatureService().toDefinition(user.username()), user, http())));
  }

  /** Edits a service: a changed feature list makes a new version. */
  void editService(FeatureServiceDefinition service) {
    FeatureServiceForm form =
        new FeatureServiceForm(
            features.featureReferences(),
            FeatureServiceJson.of(service, services.versions(service.name())));
    Dialog dialog = dialog("Edit " + service.name(), form);
    form.addCancelListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            saveService(
                dialog,
                form::showServerError,
                () ->
                    services.update(
                        e.getFeatureService()
                            .named(service.name().value())
                            .toDefinition(user.username()),
                        user,
                        http())));
  }

  /** Where server errors go: the form's field, or its form-level message. */
  private interface ErrorSink {
    void show(String field, String message);
  }

  private interface Save<T> {
    T run();
  }

  private static void save(Dialog dialog, ErrorSink errors, Save<FeatureViewDefinition> save) {
    attempt(
        dialog,
        errors,
        save,
        // A full load, so an edited view's page shows the new version from the start.
        saved -> UI.getCurrent().getPage().setLocation("features/" + saved.name()));
  }

  private static void saveService(
      Dialog dialog, ErrorSink errors, Save<FeatureServiceDefinition> save) {
    attempt(dialog, errors, save, saved -> UI.getCurrent().getPage().reload());
  }

  private static <T> void attempt(Dialog dialog, ErrorSink errors, Save<T> save, Consumer<T> then) {
    T saved;
    try {
      saved = save.run();
    } catch (DomainValidationException e) {
      errors.show(e.field(), e.getMessage());
      return;
    } catch (FeatureRegistry.ConflictException | FeatureRegistry.NotFoundException e) {
      errors.show("", e.getMessage());
      return;
    }
    dialog.close();
    then.accept(saved);
  }

  private java.util.List<String> entityNames() {
    return features.entities().stream().map(EntityDefinition::name).map(Object::toString).toList();
  }

  private static Dialog dialog(String title, com.vaadin.flow.component.Component form) {
    Dialog dialog = new Dialog(form);
    dialog.setHeaderTitle(title);
    dialog.setWidth("min(70em, 95vw)");
    dialog.open();
    return dialog;
  }

  private static HttpServletRequest http() {
    return ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getHttpServletRequest();
  }
}
