package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import org.mlplatform.portal.ui.base.PlannedAreaView;

/** Monitoring: not built yet, so it says so rather than showing made-up data. */
@Route("monitoring")
@PageTitle("Monitoring | MLP")
@PermitAll
@Dependent
public class MonitoringView extends PlannedAreaView {

  public MonitoringView() {
    super(
        "Monitoring",
        VaadinIcon.CHART,
        "Monitoring is not available in this build yet",
        "Drift, data quality and performance charts against each model's training baseline will appear here once prediction logging is installed.");
  }
}
