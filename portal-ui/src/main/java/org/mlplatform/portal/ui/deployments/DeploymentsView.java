package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import org.mlplatform.portal.ui.base.PlannedAreaView;

/** Deployments: not built yet, so it says so rather than showing made-up data. */
@Route("deployments")
@PageTitle("Deployments | MLP")
@PermitAll
@Dependent
public class DeploymentsView extends PlannedAreaView {

  public DeploymentsView() {
    super(
        "Deployments",
        VaadinIcon.ROCKET,
        "No serving deployments in this build yet",
        "Models served through their champion alias, with canary and shadow traffic, will be listed here once the serving engine takes deployments.");
  }
}
