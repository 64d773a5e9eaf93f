package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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
    open(
        "New feature view",
        new FeatureViewForm(entityNames()),
        json -> features.createView(json.toDefinition(user.username()), user, http()),
        DefinitionEditors::openPage);
  }

  /** Edits a view: a schema change makes a new version; its page reloads either way. */
  void editView(FeatureViewDefinition view) {
    FeatureViewJson current =
        FeatureViewJson.of(view, features.versions(view.name()), features.joinKeyNames(view));
    open(
        "Edit " + view.name(),
        new FeatureViewForm(entityNames(), current),
        json ->
            features.updateView(
                json.named(view.name().value()).toDefinition(user.username()), user, http()),
        DefinitionEditors::openPage);
  }

  /** A new feature service; on success the catalogue reloads. */
  void newService() {
    open(
        "New feature service",
        new FeatureServiceForm(features.featureReferences()),
        json -> services.create(json.toDefinition(user.username()), user, http()),
        saved -> UI.getCurrent().getPage().reload());
  }

  /** Edits a service: a changed feature list makes a new version. */
  void editService(FeatureServiceDefinition service) {
    FeatureServiceJson current = FeatureServiceJson.of(service, services.versions(service.name()));
    open(
        "Edit " + service.name(),
        new FeatureServiceForm(features.featureReferences(), current),
        json ->
            services.update(
                json.named(service.name().value()).toDefinition(user.username()), user, http()),
        saved -> UI.getCurrent().getPage().reload());
  }

  private static <T, R, F extends Component & DefinitionForm<T>> void open(
      String title, F form, Function<T, R> save, Consumer<R> then) {
    Dialog dialog = new Dialog(form);
    dialog.setHeaderTitle(title);
    dialog.setWidth("min(70em, 95vw)");
    form.onCancel(dialog::close);
    form.onSave(
        json -> {
          R saved;
          try {
            saved = save.apply(json);
          } catch (DomainValidationException e) {
            form.showServerError(e.field(), e.getMessage());
            return;
          } catch (FeatureRegistry.ConflictException | FeatureRegistry.NotFoundException e) {
            form.showServerError("", e.getMessage());
            return;
          }
          dialog.close();
          then.accept(saved);
        });
    dialog.open();
  }

  /** A full load, so an edited view's page shows the new version from the start. */
  private static void openPage(FeatureViewDefinition view) {
    UI.getCurrent().getPage().setLocation("features/" + view.name());
  }

  private List<String> entityNames() {
    return features.entities().stream().map(EntityDefinition::name).map(Object::toString).toList();
  }

  private static HttpServletRequest http() {
    return ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getHttpServletRequest();
  }
}
