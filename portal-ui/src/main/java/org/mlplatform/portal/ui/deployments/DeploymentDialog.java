package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.dialog.Dialog;
import java.time.Instant;
import java.util.function.Consumer;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.portal.serving.DeploymentService;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.engine.VersionLoadException;

/**
 * The {@link DeploymentForm} in a dialog, connected to the {@link DeploymentService}: a deployment
 * is loaded and swapped in before it is saved, so a version that will not load is an error shown
 * here, and what served before keeps serving.
 */
final class DeploymentDialog extends Dialog {

  private final DeploymentService deployments;
  private final Deployment existing;
  private final Consumer<Deployment> onDeployed;
  private final DeploymentForm form;

  /**
   * @param existing the deployment to change, or null for a new one
   * @param model the model to pre-fill for a new deployment; may be null
   * @param onDeployed called with the deployment once it serves and is saved
   */
  DeploymentDialog(
      DeploymentService deployments,
      Deployment existing,
      String model,
      Consumer<Deployment> onDeployed) {
    this.deployments = deployments;
    this.existing = existing;
    this.onDeployed = onDeployed;
    setId("deployment-dialog");
    setHeaderTitle(
        existing == null ? "New deployment" : "Change deployment of " + existing.model().value());
    form =
        new DeploymentForm(
            existing == null ? DeploymentInput.defaults(model) : DeploymentInput.of(existing),
            existing != null);
    form.addSaveListener(e -> deploy(e.getInput()));
    form.addCancelListener(e -> close());
    setWidth("44rem");
    add(form);
  }

  private void deploy(DeploymentInput input) {
    PlatformUser user = CurrentUser.get();
    try {
      Deployment deployment = input.toDeployment(user.username(), Instant.now());
      if (existing == null && deployments.find(deployment.model()).isPresent()) {
        form.showError(
            "model",
            "model "
                + deployment.model()
                + " is already deployed; open its deployment to change it");
        return;
      }
      deployments.deploy(deployment, user, DeploymentsView.origin());
      close();
      onDeployed.accept(deployment);
    } catch (DomainValidationException e) {
      form.showError(e.field(), e.getMessage());
    } catch (VersionLoadException | ModelNotServedException | IllegalArgumentException e) {
      form.showError(e.getMessage());
    } catch (ModelRegistry.NotFoundException e) {
      // "no model named x" blames the model; a missing version or alias is said as it is.
      form.showError(e.getMessage().startsWith("no model") ? "model" : null, e.getMessage());
    }
  }
}
