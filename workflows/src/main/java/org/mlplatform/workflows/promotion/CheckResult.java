package org.mlplatform.workflows.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one automated promotion check, attached to the process for the reviewer.
 *
 * @param name a short identifier such as {@code signature} or {@code metrics}
 * @param detail what was compared and found, in a sentence or two
 */
public record CheckResult(String name, Status status, String detail) {

  /** Details are cut here so that all checks fit one process variable on every database. */
  public static final int DETAIL_MAX = 700;

  public enum Status {
    PASSED,
    FAILED,
    /** Nothing to compare with (no champion, no traffic): informs, does not block. */
    SKIPPED
  }

  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : clip(detail.replace('\n', ' ').replace('\t', ' '));
    if (name.isBlank() || name.contains("\t") || name.contains("\n")) {
      throw new IllegalArgumentException("check name must be a single word: " + name);
    }
  }

  public static CheckResult passed(String name, String detail) {
    return new CheckResult(name, Status.PASSED, detail);
  }

  public static CheckResult failed(String name, String detail) {
    return new CheckResult(name, Status.FAILED, detail);
  }

  public static CheckResult skipped(String name, String detail) {
    return new CheckResult(name, Status.SKIPPED, detail);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** One line per check, tab separated, for a single string variable. */
  public static String encode(List<CheckResult> results) {
    StringBuilder out = new StringBuilder();
    for (CheckResult r : results) {
      out.append(r.name).append('\t').append(r.status).append('\t').append(r.detail).append('\n');
    }
    return out.toString();
  }

  /** The inverse of {@link #encode}; an absent variable gives no results. */
  public static List<CheckResult> decode(String encoded) {
    List<CheckResult> results = new ArrayList<>();
    if (encoded == null) {
      return results;
    }
    for (String line : encoded.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3) {
        results.add(new CheckResult(parts[0], Status.valueOf(parts[1]), parts[2]));
      }
    }
    return results;
  }

  private static String clip(String text) {
    return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
  }
}
