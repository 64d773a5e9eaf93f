package org.mlplatform.domain.monitoring.alerts;

import java.util.UUID;

/** No alert has the id asked for (never raised, or gone with its rule): REST answers 404. */
public class NoSuchAlertException extends RuntimeException {

  private final UUID alertId;

  public NoSuchAlertException(UUID alertId) {
    super("there is no alert " + alertId);
    this.alertId = alertId;
  }

  public UUID alertId() {
    return alertId;
  }
}
