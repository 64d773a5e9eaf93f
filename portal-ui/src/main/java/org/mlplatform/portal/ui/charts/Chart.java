package org.mlplatform.portal.ui.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
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

  private static JsonObject small() {
    return Json.createObjectBuilder().add("fontSize", 13).add("fontWeight", "normal").build();
  }

  /** The ECharts option this chart draws (for tests). */
  public JsonObject option() {
    return option;
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
