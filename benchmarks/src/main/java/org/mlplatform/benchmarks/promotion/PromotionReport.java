package org.mlplatform.benchmarks.promotion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What the rounds measured, from the clients' answers, and the table the driver prints (Markdown,
 * to paste). For a round promoting version K approved at t0 (just before the approve call was
 * sent):
 *
 * <ul>
 *   <li><b>first answer</b>: the earliest arrival after t0, at any client, of an answer from K;
 *   <li><b>every answer</b>: the earliest arrival of an answer from K after the last arrival of an
 *       answer from an older version (from t0 to the end of the run), so that from then on every
 *       answer came from K;
 *   <li><b>older answers after the first new one</b>: answers from an older version arriving after
 *       K first answered (the clients still on the old version while another already had K).
 * </ul>
 */
final class PromotionReport {

  /**
   * One promotion as the driver timed it.
   *
   * @param approvedAt {@link System#nanoTime()} just before the approve call was sent (t0)
   * @param approveNanos until the approve call's answer was read
   * @param endedNanos until the process was seen ended (polled)
   */
  record Round(int version, long approvedAt, long approveNanos, long endedNanos) {}

  /** A round's swap, measured from its t0 in nanoseconds. */
  record Swap(Round round, long firstNanos, long everyNanos, long olderAfterFirst) {}

  private final PromotionOptions options;
  private final List<Swap> swaps;
  private final Traffic.Answers answers;

  PromotionReport(PromotionOptions options, List<Round> rounds, Traffic.Answers answers) {
    this.options = options;
    this.answers = answers;
    List<Swap> measured = new ArrayList<>();
    for (Round round : rounds) {
      measured.add(swap(round, answers));
    }
    this.swaps = List.copyOf(measured);
  }

  static Swap swap(Round round, Traffic.Answers answers) {
    long first = Long.MAX_VALUE;
    long lastOlder = -1;
    for (int i = 0; i < answers.size(); i++) {
      long since = answers.arrivals()[i] - round.approvedAt();
      if (since < 0) {
        continue;
      }
      int version = answers.versions()[i];
      if (version == round.version()) {
        first = Math.min(first, since);
      } else if (version < round.version()) {
        lastOlder = Math.max(lastOlder, since);
      }
    }
    if (first == Long.MAX_VALUE) {
      throw new IllegalStateException("no client had an answer from v" + round.version());
    }
    long every = Long.MAX_VALUE;
    long olderAfterFirst = 0;
    for (int i = 0; i < answers.size(); i++) {
      long since = answers.arrivals()[i] - round.approvedAt();
      int version = answers.versions()[i];
      if (version == round.version() && since > lastOlder) {
        every = Math.min(every, since);
      } else if (version < round.version() && since > first) {
        olderAfterFirst++;
      }
    }
    if (every == Long.MAX_VALUE) {
      throw new IllegalStateException(
          "an older version answered after the last answer from v" + round.version());
    }
    return new Swap(round, first, every, olderAfterFirst);
  }

  /** One line per round, for the log. */
  List<String> roundLines() {
    List<String> lines = new ArrayList<>();
    for (Swap swap : swaps) {
      lines.add(
          String.format(
              Locale.ROOT,
              "v%d: approve call %.1f ms; first answer from v%d %.1f ms, every answer %.1f ms;"
                  + " %d older answers after the first new one; process ended %.0f ms",
              swap.round().version(),
              millis(swap.round().approveNanos()),
              swap.round().version(),
              millis(swap.firstNanos()),
              millis(swap.everyNanos()),
              swap.olderAfterFirst(),
              millis(swap.round().endedNanos())));
    }
    return lines;
  }

  String table(String command) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder(nl);
    out.append(
        String.format(
            Locale.ROOT,
            "Promotion under load: model %s, %d rounds (upload vK, alice requests, bob approves),"
                + " %d clients predicting back to back on POST /v2/models/%s/infer, 1 row per"
                + " request%s",
            options.model(),
            swaps.size(),
            options.clients(),
            options.model(),
            nl + nl));
    out.append("| from t0 = just before bob's approve call | p50 ms | p90 ms | max ms |")
        .append(nl);
    out.append("|---|---:|---:|---:|").append(nl);
    row(
        out,
        "approve call answered (`POST /api/v1/tasks/{id}/complete`)",
        s -> s.round().approveNanos());
    row(out, "**first answer from the new version** (any client)", Swap::firstNanos);
    row(out, "**every answer from the new version** (no older one after)", Swap::everyNanos);
    row(
        out,
        "process ended, deployment verified (polled every 50 ms)",
        s -> s.round().endedNanos());
    out.append(nl);
    long olderAfterFirst = swaps.stream().mapToLong(Swap::olderAfterFirst).sum();
    out.append(
        String.format(
            Locale.ROOT,
            "predictions: %,d in %.1f s = %,.0f/s; **failures: %,d**; answers from an older"
                + " version after the new one first answered: %,d over %d rounds%s",
            answers.size(),
            answers.seconds(),
            answers.size() / answers.seconds(),
            answers.failures(),
            olderAfterFirst,
            swaps.size(),
            nl));
    if (answers.failures() > 0) {
      out.append("failures (the first ").append(answers.failureSamples().size()).append("):");
      answers.failureSamples().forEach(f -> out.append(nl).append("  ").append(f));
      out.append(nl);
    }
    out.append(nl).append("README row:").append(nl);
    out.append(
        String.format(
            Locale.ROOT,
            "| promotion under load: %d rounds of upload, request and approval of a new version of"
                + " a small ONNX classifier, %d clients predicting back to back on `/v2`"
                + " throughout, platform on PostgreSQL, driver, Keycloak and PostgreSQL on the"
                + " same 2 cores | from the approve call to the first answer from the new version:"
                + " p50 %.0f ms, p90 %.0f ms, max %.0f ms; to every answer from it: p50 %.0f ms,"
                + " p90 %.0f ms, max %.0f ms (the approve call itself p50 %.0f ms); %,d"
                + " predictions at %,.0f/s, **%,d failed** | `%s` |%s",
            swaps.size(),
            options.clients(),
            percentile(Swap::firstNanos, 50),
            percentile(Swap::firstNanos, 90),
            percentile(Swap::firstNanos, 100),
            percentile(Swap::everyNanos, 50),
            percentile(Swap::everyNanos, 90),
            percentile(Swap::everyNanos, 100),
            percentile(s -> s.round().approveNanos(), 50),
            answers.size(),
            answers.size() / answers.seconds(),
            answers.failures(),
            command,
            nl));
    return out.toString();
  }

  private void row(StringBuilder out, String what, ToLongFunction<Swap> nanos) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %.1f |%s",
            what,
            percentile(nanos, 50),
            percentile(nanos, 90),
            percentile(nanos, 100),
            System.lineSeparator()));
  }

  /** Nearest-rank percentile of the rounds, in milliseconds. */
  double percentile(ToLongFunction<Swap> nanos, double percentile) {
    long[] values = swaps.stream().mapToLong(nanos).toArray();
    Arrays.sort(values);
    int rank = (int) Math.ceil(percentile / 100 * values.length);
    return millis(values[Math.max(0, Math.min(values.length, rank) - 1)]);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
