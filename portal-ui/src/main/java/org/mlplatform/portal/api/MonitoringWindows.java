package org.mlplatform.portal.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicy;
import org.mlplatform.portal.monitoring.ModelMonitoring;
import org.mlplatform.portal.monitoring.MonitoringReport;

/**
 * The time window of a monitoring request from its query parameters: ISO-8601 instants, {@code to}
 * now and {@code from} one policy window earlier when left out.
 */
record MonitoringWindows(Instant from, Instant to, OptionalInt version) {

  static MonitoringWindows of(
      String from, String to, Integer version, MonitoringPolicy policy, Instant now) {
    Instant end = to == null || to.isBlank() ? now : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(policy.window()) : instant("from", from);
    if (version != null && version < 1) {
      throw new DomainValidationException("version", "version numbers start at 1");
    }
    return new MonitoringWindows(
        start, end, version == null ? OptionalInt.empty() : OptionalInt.of(version));
  }

  /** The report a drift or performance request asks for, its window read from the parameters. */
  static MonitoringReport report(
      ModelMonitoring monitoring, String name, String from, String to, Integer version) {
    ResourceName model = model(name);
    MonitoringWindows window = of(from, to, version, monitoring.policy(model), Instant.now());
    return monitoring.report(model, window.version(), window.from(), window.to());
  }

  static ResourceName model(String name) {
    return ResourceName.of("name", name);
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new DomainValidationException(
          field, field + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z: " + text);
    }
  }
}
