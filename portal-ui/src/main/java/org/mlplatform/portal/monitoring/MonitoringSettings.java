package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlplatform.portal.config.DurationSettings;

/**
 * Platform-wide monitoring limits, from MicroProfile Config ({@code mlp.monitoring.tick} or {@code
 * MLP_MONITORING_TICK}); durations in ISO-8601. What varies per model (window, drift share,
 * overrides, how often) is in its monitoring policy.
 */
@ApplicationScoped
public class MonitoringSettings {

  private final Config config = ConfigProvider.getConfig();

  /** How often the scheduler looks for models whose evaluation is due. */
  public Duration tick() {
    return duration("mlp.monitoring.tick", Duration.ofSeconds(30));
  }

  /** Training-set rows a baseline keeps per feature at most. */
  public int referenceRows() {
    return config.getOptionalValue("mlp.monitoring.reference-rows", Integer.class).orElse(100_000);
  }

  /** Rows any one window analysis reads at most, whatever a policy asks: bounds memory. */
  public int maxWindowRows() {
    return config
        .getOptionalValue("mlp.monitoring.max-window-rows", Integer.class)
        .orElse(1_000_000);
  }

  /** How long monitoring snapshots are kept. */
  public Duration historyRetention() {
    return duration("mlp.monitoring.history-retention", Duration.ofDays(90));
  }

  private Duration duration(String key, Duration fallback) {
    return DurationSettings.read(config, key, fallback);
  }
}
