package org.mlplatform.portal.monitoring;

import java.util.Optional;

/**
 * A rule as a person or a REST call gives it, in the keys the API uses.
 *
 * @param metric a {@link org.mlplatform.domain.monitoring.alerts.MonitoredMetric} key
 * @param comparison {@code above} or {@code below}
 * @param severity {@code info}, {@code warning} or {@code critical}
 */
public record AlertRuleInput(
    String model,
    Optional<String> feature,
    String metric,
    String comparison,
    double threshold,
    String severity,
    boolean startsRetraining,
    boolean enabled) {}
