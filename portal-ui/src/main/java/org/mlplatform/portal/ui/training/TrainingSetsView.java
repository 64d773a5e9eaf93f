package org.mlplatform.portal.ui.training;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.EmptyState;
import org.mlplatform.portal.ui.base.Times;

/** Training sets: the snapshots built so far and, for data scientists, a form to build one. */
@Route("training-sets")
@PageTitle("Training sets | MLP")
@PermitAll
@Dependent
public class TrainingSetsView extends VerticalLayout {

  @Inject
  public TrainingSetsView(
      TrainingSets trainingSets,
      FeatureStoreService features,
      FeatureServices services,
      JobRepository jobs) {
    add(new H2("Training sets"));
    PlatformUser user = CurrentUser.get();
    if (user.hasRole(Role.DATA_SCIENTIST) || user.hasRole(Role.ADMIN)) {
      add(
          new H3("Build a training set"),
          new BuildTrainingSetPanel(trainingSets, features, services, jobs, user, UI.getCurrent()));
    }
    List<TrainingSet> sets = trainingSets.list(200);
    add(new H3("Snapshots"));
    if (sets.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.TABLE,
              "No training sets yet",
              "Build one above, or with POST /api/v1/training-sets."));
    } else {
      add(grid(sets));
    }
  }

  private static Grid<TrainingSet> grid(List<TrainingSet> sets) {
    Grid<TrainingSet> grid = new Grid<>();
    grid.setId("training-set-grid");
    grid.addComponentColumn(
            t ->
                new RouterLink(
                    t.id().substring(0, 8),
                    TrainingSetDetailView.class,
                    new RouteParameters("id", t.id())))
        .setHeader("Snapshot")
        .setAutoWidth(true);
    grid.addColumn(t -> Times.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addColumn(TrainingSet::createdBy).setHeader("By").setAutoWidth(true);
    grid.addColumn(TrainingSet::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(TrainingSet::rowCount).setHeader("Rows").setAutoWidth(true);
    grid.addColumn(
            t ->
                t.featureService() == null ? t.features().size() + " features" : t.featureService())
        .setHeader("Features")
        .setAutoWidth(true);
    grid.addColumn(TrainingSet::description).setHeader("Description").setFlexGrow(1);
    grid.setItems(sets);
    grid.setAllRowsVisible(true);
    return grid;
  }
}
