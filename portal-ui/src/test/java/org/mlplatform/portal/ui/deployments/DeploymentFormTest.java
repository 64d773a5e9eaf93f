package org.mlplatform.portal.ui.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deployment form without a running UI: fill inputs by id, click, look at the events. */
class DeploymentFormTest {

  private final List<DeploymentInput> saved = new ArrayList<>();
  private int cancelled;

  private DeploymentForm form(DeploymentInput input, boolean editing) {
    DeploymentForm form = new DeploymentForm(input, editing);
    form.addSaveListener(e -> saved.add(e.getInput()));
    form.addCancelListener(e -> cancelled++);
    return form;
  }

  @Test
  void startsFromChampionServingAndSavesWhatWasTyped() {
    DeploymentForm form = form(DeploymentInput.defaults(null), false);
    assertThat(text(form, "deployment-alias").getValue()).isEqualTo("champion");

    text(form, "deployment-model").setValue("fraud");
    text(form, "deployment-canary-version").setValue("3");
    text(form, "deployment-canary-percent").setValue("10");
    find(form, "deployment-save", Button.class).click();

    assertThat(saved)
        .containsExactly(new DeploymentInput("fraud", "champion", "3", "10", "", "1", "0", "0"));
  }

  @Test
  void marksTheFieldAtFaultInsteadOfSaving() {
    DeploymentForm form = form(DeploymentInput.defaults("fraud"), false);
    text(form, "deployment-canary-percent").setValue("150");
    text(form, "deployment-canary-version").setValue("2");

    find(form, "deployment-save", Button.class).click();

    assertThat(saved).isEmpty();
    assertThat(text(form, "deployment-canary-percent").isInvalid()).isTrue();
    Span error = find(form, "deployment-error", Span.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).contains("1 to 99");
  }

  @Test
  void showsServerErrorsWithoutAFieldInTheMessageLine() {
    DeploymentForm form = form(DeploymentInput.defaults("fraud"), false);

    form.showError("version fraud/3 cannot be served: no such file");

    Span error = find(form, "deployment-error", Span.class);
    assertThat(error.getText()).isEqualTo("version fraud/3 cannot be served: no such file");
    assertThat(text(form, "deployment-model").isInvalid()).isFalse();
  }

  @Test
  void editingKeepsTheModelFixed() {
    DeploymentForm form =
        form(new DeploymentInput("fraud", "champion", "", "", "4", "8", "2", "100"), true);

    assertThat(text(form, "deployment-model").isReadOnly()).isTrue();
    assertThat(text(form, "deployment-shadow-version").getValue()).isEqualTo("4");
    find(form, "deployment-cancel", Button.class).click();
    assertThat(cancelled).isEqualTo(1);
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
