package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import org.mlplatform.portal.ui.base.PlannedAreaView;

/** Models: not built yet, so it says so rather than showing made-up data. */
@Route("models")
@PageTitle("Models | MLP")
@PermitAll
@Dependent
public class ModelsView extends PlannedAreaView {

  public ModelsView() {
    super(
        "Models",
        VaadinIcon.CUBES,
        "The model registry is not available in this build yet",
        "Registered ONNX models, their versions, aliases, lineage and model cards will appear here once the registry is installed.");
  }
}
