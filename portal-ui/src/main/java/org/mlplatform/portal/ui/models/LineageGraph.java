package org.mlplatform.portal.ui.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.ui.charts.Chart;
import org.mlplatform.portal.ui.charts.Chart.Link;
import org.mlplatform.portal.ui.charts.Chart.Node;

/**
 * A version's lineage as a graph, left to right: the feature views (with their versions) its
 * training set read, the training set, then the chain of versions it was retrained from down to the
 * version itself.
 */
@ApplicationScoped
public class LineageGraph {

  @Inject private ModelStore models;
  @Inject private TrainingSets trainingSets;

  public Chart chart(ModelVersion version) {
    List<Node> nodes = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<ModelVersion> chain = models.lineage(version.id()).reversed(); // oldest first
    for (int i = 0; i < chain.size(); i++) {
      ModelVersion v = chain.get(i);
      String id = "v" + v.number();
      nodes.add(new Node(id, v.model() + " v" + v.number(), 2 + i, "model version"));
      if (i > 0) {
        links.add(new Link("v" + chain.get(i - 1).number(), id));
      }
      v.lineage()
          .trainingSetId()
          .flatMap(this::trainingSet)
          .ifPresent(set -> addTrainingSet(set, id, nodes, links));
    }
    Chart chart = Chart.graph("Lineage", nodes, links);
    chart.setId("lineage-chart");
    return chart;
  }

  private java.util.Optional<TrainingSet> trainingSet(String id) {
    try {
      return trainingSets.find(id);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static void addTrainingSet(
      TrainingSet set, String versionNode, List<Node> nodes, List<Link> links) {
    String setNode = "ts:" + set.id();
    if (nodes.stream().noneMatch(n -> n.id().equals(setNode))) {
      nodes.add(new Node(setNode, "training set " + set.id().substring(0, 8), 1, "training set"));
      for (Map.Entry<String, Integer> view : set.viewVersions().entrySet()) {
        String viewNode = "fv:" + view.getKey() + ":" + view.getValue();
        if (nodes.stream().noneMatch(n -> n.id().equals(viewNode))) {
          nodes.add(new Node(viewNode, view.getKey() + " v" + view.getValue(), 0, "feature view"));
        }
        links.add(new Link(viewNode, setNode));
      }
    }
    links.add(new Link(setNode, versionNode));
  }
}
