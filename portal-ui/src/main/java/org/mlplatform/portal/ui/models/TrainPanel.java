package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.workflows.training.TrainingAlgorithm;

/**
 * Trains a version on a READY training set: pick the set, its label column, the algorithm and
 * hyperparameters ({@code key=value} lines); the job's progress shows, and the finished version's
 * page opens.
 */
class TrainPanel extends VerticalLayout {

  private final ProgressBar bar = new ProgressBar(0, 1);
  private final Span status = new Span();
  private final JobRepository jobs;
  private Registration polling;

  TrainPanel(
      ResourceName model,
      ModelTraining training,
      TrainingSets trainingSets,
      JobRepository jobs,
      PlatformUser user) {
    this.jobs = jobs;
    setPadding(false);
    List<TrainingSet> ready =
        trainingSets.list(200).stream().filter(t -> t.state() == TrainingSetState.READY).toList();
    if (ready.isEmpty()) {
      add(new Span("No training set is ready yet: build one under Training sets first."));
      return;
    }
    Select<TrainingSet> set = new Select<>();
    set.setLabel("Training set");
    set.setId("train-set");
    set.setItems(ready);
    set.setItemLabelGenerator(
        t -> t.id().substring(0, 8) + " · " + t.rowCount() + " rows · " + t.description());
    Select<String> label = new Select<>();
    label.setLabel("Label column");
    label.setId("train-label");
    set.addValueChangeListener(
        e -> {
          List<String> columns =
              e.getValue() == null
                  ? List.of()
                  : e.getValue().columns().stream()
                      .filter(c -> c.role() != TrainingColumn.Role.FEATURE)
                      .map(TrainingColumn::name)
                      .toList();
          label.setItems(columns);
          columns.stream().filter(c -> c.equals("label")).findFirst().ifPresent(label::setValue);
        });
    Select<String> algorithm = new Select<>();
    algorithm.setLabel("Algorithm");
    algorithm.setId("train-algorithm");
    algorithm.setItems(
        Arrays.stream(TrainingAlgorithm.values()).map(TrainingAlgorithm::id).toList());
    algorithm.setValue(TrainingAlgorithm.LOGISTIC_REGRESSION.id());
    TextArea hyperparameters = new TextArea("Hyperparameters (key=value per line)");
    hyperparameters.setId("train-hyperparameters");
    hyperparameters.setPlaceholder("epochs=10\nlearningRate=0.1");
    bar.setVisible(false);
    bar.setId("train-progress");
    status.setId("train-status");
    Button start =
        new Button(
            "Train",
            e -> {
              try {
                Job job =
                    training.start(
                        model,
                        new ModelTraining.Request(
                            set.getValue() == null ? null : set.getValue().id(),
                            label.getValue(),
                            algorithm.getValue(),
                            parse(hyperparameters.getValue()),
                            null),
                        user,
                        ModelsView.origin());
                follow(model, job);
              } catch (IllegalArgumentException | IllegalStateException ex) {
                status.setText("Refused: " + ex.getMessage());
              }
            });
    start.setId("train-start");
    HorizontalLayout form = new HorizontalLayout(set, label, algorithm);
    add(form, hyperparameters, start, bar, status);
  }

  static Map<String, String> parse(String lines) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String line : lines.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("write each hyperparameter as key=value: " + trimmed);
      }
      parsed.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
    }
    return parsed;
  }

  private void follow(ResourceName model, Job job) {
    bar.setVisible(true);
    UI ui = UI.getCurrent();
    ui.setPollInterval(500);
    polling =
        ui.addPollListener(
            e ->
                jobs.find(job.id())
                    .ifPresent(
                        current -> {
                          bar.setValue(current.progress());
                          switch (current.state()) {
                            case QUEUED, RUNNING ->
                                status.setText("Training: " + current.message());
                            case SUCCEEDED -> {
                              stop(ui);
                              ui.navigate(
                                  ModelVersionView.class,
                                  ModelVersionView.parameters(
                                      model.value(), (Integer) current.result().get("version")));
                            }
                            case FAILED -> {
                              stop(ui);
                              status.setText("Failed: " + current.error());
                            }
                          }
                        }));
  }

  private void stop(UI ui) {
    polling.remove();
    ui.setPollInterval(-1);
  }
}
