package org.mlplatform.portal.ui.features;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import org.mlplatform.portal.ui.base.PlannedAreaView;

/** Features: not built yet, so it says so rather than showing made-up data. */
@Route("features")
@PageTitle("Features | MLP")
@PermitAll
@Dependent
public class FeaturesView extends PlannedAreaView {

  public FeaturesView() {
    super(
        "Features",
        VaadinIcon.TABLE,
        "The feature store is not available in this build yet",
        "Entities, feature views, ingestion, online lookups and point-in-time training sets will appear here once the feature store is installed.");
  }
}
