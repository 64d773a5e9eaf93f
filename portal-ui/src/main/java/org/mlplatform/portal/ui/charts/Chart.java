package org.mlplatform.portal.ui.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.domain.features.stats.CategoryCount;
import org.mlplatform.domain.features.stats.HistogramBin;

/**
 * A chart drawn in the browser by Apache ECharts, loaded from the WAR's WebJar (no bundle build,
 * nothing fetched from the internet). The one charting component of the portal: pages hand it data,
 * never JavaScript.
 */
public class Chart extends Div {

  /** The ECharts version the WAR carries; ChartTest checks the file is on the class path. */
  public static final String ECHARTS_VERSION = "5.3.1";

  static final String SCRIPT =
      "context://webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

  /** Draws once echarts has loaded; resizes with the element. */
  private static final String DRAW =
      """
      const el = this;
      const option = JSON.parse($0);
      const draw = () => {
        if (!window.echarts) { setTimeout(draw, 50); return; }
        const chart = echarts.getInstanceByDom(el) || echarts.init(el);
        chart.setOption(option, true);
        if (!el.__mlpResize) {
          el.__mlpResize = new ResizeObserver(() => chart.resize());
          el.__mlpResize.observe(el);
        }
        el.setAttribute('data-rendered', 'true');
      };
      draw();
      """;

  private final JsonObject option;

  private Chart(JsonObject option) {
    this.option = option;
    addClassName("mlp-chart");
    setWidthFull();
    setHeight("220px");
  }

  /** A histogram: one bar per bin, labelled with the bin's lower bound. */
  public static Chart histogram(String title, List<HistogramBin> bins) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    for (HistogramBin bin : bins) {
      labels.add(format(bin.lower()) + " – " + format(bin.upper()));
      counts.add(bin.count());
    }
    return bars(title, labels, counts);
  }

  /** The most frequent categories, most frequent first. */
  public static Chart categories(String title, List<CategoryCount> categories) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    for (CategoryCount category : categories) {
      labels.add(category.value());
      counts.add(category.count());
    }
    return bars(title, labels, counts);
  }

  private static Chart bars(String title, JsonArrayBuilder labels, JsonArrayBuilder counts) {
    JsonObject option =
        Json.createObjectBuilder()
            .add("animation", false)
            .add("title", Json.createObjectBuilder().add("text", title).add("textStyle", small()))
            .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
            .add(
                "grid",
                Json.createObjectBuilder()
                    .add("left", 50)
                    .add("right", 10)
                    .add("top", 30)
                    .add("bottom", 40))
            .add(
                "xAxis",
                Json.createObjectBuilder()
                    .add("type", "category")
                    .add("data", labels)
                    .add("axisLabel", Json.createObjectBuilder().add("hideOverlap", true)))
            .add("yAxis", Json.createObjectBuilder().add("type", "value"))
            .add(
                "series",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "bar")
                            .add("data", counts)
                            .add("barCategoryGap", "5%")))
            .build();
    return new Chart(option);
  }

  /** A node of a {@link #graph}: its label, the column it stands in (left to right) and a kind. */
  public record Node(String id, String label, int column, String kind) {}

  /** A directed edge of a {@link #graph}, from one node's id to another's. */
  public record Link(String from, String to) {}

  /**
   * A left-to-right graph (lineage: feature views, then training sets, then model versions); nodes
   * in a column are spread top to bottom, each kind in its own colour with a legend.
   */
  public static Chart graph(String title, List<Node> nodes, List<Link> links) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    java.util.Map<Integer, Integer> rows = new java.util.HashMap<>();
    List<String> kinds = nodes.stream().map(Node::kind).distinct().toList();
    for (Node node : nodes) {
      int row = rows.merge(node.column(), 1, Integer::sum);
      data.add(
          Json.createObjectBuilder()
              .add("id", node.id())
              .add("name", node.label())
              .add("x", node.column() * 260)
              .add("y", row * 70)
              .add("category", kinds.indexOf(node.kind())));
    }
    JsonArrayBuilder edges = Json.createArrayBuilder();
    links.forEach(
        l -> edges.add(Json.createObjectBuilder().add("source", l.from()).add("target", l.to())));
    JsonArrayBuilder categories = Json.createArrayBuilder();
    kinds.forEach(k -> categories.add(Json.createObjectBuilder().add("name", k)));
    JsonArrayBuilder legend = Json.createArrayBuilder();
    kinds.forEach(legend::add);
    JsonObject option =
        Json.createObjectBuilder()
            .add("animation", false)
            .add("title", Json.createObjectBuilder().add("text", title).add("textStyle", small()))
            .add("tooltip", Json.createObjectBuilder())
            .add("legend", Json.createObjectBuilder().add("data", legend).add("bottom", 0))
            .add(
                "series",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "graph")
                            .add("layout", "none")
                            .add("symbolSize", 18)
                            .add("roam", true)
                            .add("edgeSymbol", Json.createArrayBuilder().add("none").add("arrow"))
                            .add(
                                "label",
                                Json.createObjectBuilder()
                                    .add("show", true)
                                    .add("position", "right"))
                            .add("categories", categories)
                            .add("data", data)
                            .add("links", edges)))
            .build();
    Chart chart = new Chart(option);
    chart.setHeight(
        Math.max(220, 90 + 70 * rows.values().stream().max(Integer::compare).orElse(1)) + "px");
    return chart;
  }

  /** The lines drawn against one y-axis of a {@link #lines} chart, by name, in legend order. */
  public record Axis(String name, Map<String, List<? extends Number>> series) {

    public Axis {
      Objects.requireNonNull(name, "name");
      series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
  }

  /**
   * A line chart over categories (times, usually): the {@code left} axis's lines on a y-axis to the
   * left, the {@code right} axis's (when not null) on a second y-axis to the right, each with its
   * own unit. A null value leaves a gap in its line (nothing was measured then).
   */
  public static Chart lines(String title, List<String> xLabels, Axis left, Axis right) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    xLabels.forEach(labels::add);
    JsonArrayBuilder yAxes = Json.createArrayBuilder();
    JsonArrayBuilder series = Json.createArrayBuilder();
    JsonArrayBuilder legend = Json.createArrayBuilder();
    List<Axis> axes = right == null ? List.of(left) : List.of(left, right);
    for (int index = 0; index < axes.size(); index++) {
      Axis axis = axes.get(index);
      yAxes.add(
          Json.createObjectBuilder()
              .add("type", "value")
              .add("name", axis.name())
              .add("position", index == 0 ? "left" : "right")
              .add("splitLine", Json.createObjectBuilder().add("show", index == 0)));
      for (Map.Entry<String, List<? extends Number>> line : axis.series().entrySet()) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        line.getValue().forEach(v -> data.add(number(v)));
        series.add(
            Json.createObjectBuilder()
                .add("type", "line")
                .add("name", line.getKey())
                .add("yAxisIndex", index)
                .add("showSymbol", false)
                .add("connectNulls", false)
                .add("data", data));
        legend.add(line.getKey());
      }
    }
    JsonObject option =
        withLegend(title, legend, right == null ? 10 : 50)
            .add(
                "xAxis",
                Json.createObjectBuilder()
                    .add("type", "category")
                    .add("boundaryGap", false)
                    .add("data", labels)
                    .add("axisLabel", Json.createObjectBuilder().add("hideOverlap", true)))
            .add("yAxis", yAxes)
            .add("series", series)
            .build();
    Chart chart = new Chart(option);
    chart.setHeight("260px");
    return chart;
  }

  /**
   * Bars side by side per category, one series per entry of {@code values} (reference against
   * current, say), with a legend.
   */
  public static Chart groupedBars(String title, List<String> categories, Axis values) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    categories.forEach(labels::add);
    JsonArrayBuilder series = Json.createArrayBuilder();
    JsonArrayBuilder legend = Json.createArrayBuilder();
    for (Map.Entry<String, List<? extends Number>> group : values.series().entrySet()) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      group.getValue().forEach(v -> data.add(number(v)));
      series.add(
          Json.createObjectBuilder()
              .add("type", "bar")
              .add("name", group.getKey())
              .add("data", data)
              .add("barGap", "0%"));
      legend.add(group.getKey());
    }
    JsonObject option =
        withLegend(title, legend, 10)
            .add(
                "xAxis",
                Json.createObjectBuilder()
                    .add("type", "category")
                    .add("data", labels)
                    .add("axisLabel", Json.createObjectBuilder().add("hideOverlap", true)))
            .add(
                "yAxis", Json.createObjectBuilder().add("type", "value").add("name", values.name()))
            .add("series", series)
            .build();
    Chart chart = new Chart(option);
    chart.setHeight("260px");
    return chart;
  }

  /**
   * What every chart with a legend below it shares: title, axis tooltip, legend and grid margins
   * ({@code gridRight} wider when a second y-axis needs room).
   */
  private static JsonObjectBuilder withLegend(
      String title, JsonArrayBuilder legend, int gridRight) {
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("title", Json.createObjectBuilder().add("text", title).add("textStyle", small()))
        .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
        .add("legend", Json.createObjectBuilder().add("data", legend).add("bottom", 0))
        .add(
            "grid",
            Json.createObjectBuilder()
                .add("left", 50)
                .add("right", gridRight)
                .add("top", 40)
                .add("bottom", 50));
  }

  /** A number as JSON: null (a gap) for null and for what JSON cannot hold (NaN, infinities). */
  private static JsonValue number(Number value) {
    return switch (value) {
      case null -> JsonValue.NULL;
      case Integer i -> Json.createValue(i);
      case Long l -> Json.createValue(l);
      case Short s -> Json.createValue(s.intValue());
      case Byte b -> Json.createValue(b.intValue());
      case BigDecimal d -> Json.createValue(d);
      case BigInteger i -> Json.createValue(i);
      default -> {
        double d = value.doubleValue();
        yield Double.isFinite(d) ? Json.createValue(d) : JsonValue.NULL;
      }
    };
  }

  private static JsonObject small() {
    return Json.createObjectBuilder().add("fontSize", 13).add("fontWeight", "normal").build();
  }

  /** The ECharts option this chart draws (for tests). */
  public JsonObject option() {
    return option;
  }

  /**
   * Draws {@code next}'s data in this chart's place, for live charts: the same ECharts instance
   * takes the new option, so nothing flickers and no instance is left behind (a chart replaced by a
   * new component keeps its instance in ECharts' registry until the page unloads).
   */
  public void redraw(Chart next) {
    getElement().executeJs(DRAW, next.option().toString());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    event.getUI().getPage().addJavaScript(SCRIPT);
    getElement().executeJs(DRAW, option.toString());
  }

  private static String format(double value) {
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
      return String.format(Locale.ROOT, "%.2e", value);
    }
    return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
  }
}
