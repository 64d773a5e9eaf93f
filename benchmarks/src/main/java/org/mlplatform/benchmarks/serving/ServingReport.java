package org.mlplatform.benchmarks.serving;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The benchmark's one table: per target p50 and p99 at concurrency 1, requests per second at the
 * high concurrency, and the platform's latency as a multiple of the minimal server's; then the
 * issue's goals, each met or not. Targets that were not run show "-".
 */
final class ServingReport {

  private static final double P50_GOAL_MS = 1;
  private static final double P99_GOAL_MS = 3;
  private static final double THROUGHPUT_GOAL = 8_000;
  private static final double RATIO_GOAL = 1.5;
  private static final double PREDICT_P99_GOAL_MS = 3;

  private final Map<Target, LoadRun.Measured> single = new EnumMap<>(Target.class);
  private final Map<Target, LoadRun.Measured> loaded = new EnumMap<>(Target.class);
  private final int concurrency;

  ServingReport(int concurrency) {
    this.concurrency = concurrency;
  }

  void add(LoadRun.Measured measured) {
    (measured.concurrency() == 1 ? single : loaded).put(measured.target(), measured);
  }

  String table(ServingOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nServing benchmark: Tribuo logistic regression, 8 features, 1 row per request;"
                + " %d s warm-up, %d s measured per level; predict by key %s%n",
            options.warmUp().toSeconds(),
            options.measure().toSeconds(),
            options.online() ? "reads the online store" : "sends every feature as an override"));
    String format = "%-24s | %10s | %10s | %12s | %10s | %10s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "target",
            "p50 ms c=1",
            "p99 ms c=1",
            "req/s c=" + concurrency,
            "p50 / jdk",
            "p99 / jdk"));
    out.append("-".repeat(24)).append("-+-").append("-".repeat(10)).append("-+-");
    out.append("-".repeat(10)).append("-+-").append("-".repeat(12)).append("-+-");
    out.append("-".repeat(10)).append("-+-").append("-".repeat(10)).append(System.lineSeparator());
    for (Target target : Target.values()) {
      LoadRun.Measured one = single.get(target);
      LoadRun.Measured many = loaded.get(target);
      boolean platform = target.needsPlatform();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              target.label(),
              one == null ? "-" : millis(one.millis(50)),
              one == null ? "-" : millis(one.millis(99)),
              many == null ? "-" : String.format(Locale.ROOT, "%,.0f", many.perSecond()),
              platform ? ratio(target, 50) : "-",
              platform ? ratio(target, 99) : "-"));
    }
    out.append("Goals:").append(System.lineSeparator());
    for (Target v2 : new Target[] {Target.PLATFORM_V2, Target.PLATFORM_PORT}) {
      v2Goals(out, v2);
    }
    for (Target byKey : new Target[] {Target.PLATFORM_PREDICT, Target.PLATFORM_PREDICT_PORT}) {
      goal(
          out,
          byKey.label() + " p99 <= 3 ms at c=1",
          single.get(byKey),
          m -> m.millis(99) <= PREDICT_P99_GOAL_MS,
          m -> millis(m.millis(99)) + " ms");
    }
    return out.toString();
  }

  /** The goals of the inference endpoint, for each port that carries it. */
  private void v2Goals(StringBuilder out, Target target) {
    String name = target.label();
    goal(
        out,
        name + " p50 <= 1 ms at c=1",
        single.get(target),
        m -> m.millis(50) <= P50_GOAL_MS,
        m -> millis(m.millis(50)) + " ms");
    goal(
        out,
        name + " p99 <= 3 ms at c=1",
        single.get(target),
        m -> m.millis(99) <= P99_GOAL_MS,
        m -> millis(m.millis(99)) + " ms");
    goal(
        out,
        name + " >= 8,000 req/s at c=" + concurrency,
        loaded.get(target),
        m -> m.perSecond() >= THROUGHPUT_GOAL,
        m -> String.format(Locale.ROOT, "%,.0f req/s", m.perSecond()));
    goal(
        out,
        name + " p50, p99 <= 1.5x jdk-httpserver's",
        single.containsKey(Target.JDK_HTTPSERVER) ? single.get(target) : null,
        m -> multiple(target, 50) <= RATIO_GOAL && multiple(target, 99) <= RATIO_GOAL,
        m -> ratio(target, 50) + " (p50), " + ratio(target, 99) + " (p99)");
  }

  private static void goal(
      StringBuilder out,
      String goal,
      LoadRun.Measured measured,
      Predicate<LoadRun.Measured> met,
      Function<LoadRun.Measured, String> figure) {
    String verdict =
        measured == null
            ? "not measured"
            : figure.apply(measured) + ": " + (met.test(measured) ? "met" : "NOT MET");
    out.append(String.format(Locale.ROOT, "  %-56s %s%n", goal, verdict));
  }

  private double multiple(Target target, double percentile) {
    return single.get(target).millis(percentile)
        / single.get(Target.JDK_HTTPSERVER).millis(percentile);
  }

  private String ratio(Target target, double percentile) {
    if (!single.containsKey(target) || !single.containsKey(Target.JDK_HTTPSERVER)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2fx", multiple(target, percentile));
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, "%.4f", ms);
  }
}
