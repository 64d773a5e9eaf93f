package org.mlplatform.portal.ui.features;

import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * What the definition editors need of a form, whatever it defines: the value to save, a cancel, and
 * a place to show the server's refusal.
 *
 * @param <T> the JSON shape the form produces, as the REST API accepts it
 */
interface DefinitionForm<T> {

  Registration onSave(Consumer<T> action);

  Registration onCancel(Runnable action);

  void showServerError(String field, String message);
}
