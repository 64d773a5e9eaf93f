package org.mlplatform.portal.monitoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.mlplatform.domain.monitoring.alerts.AlertRepository;
import org.mlplatform.domain.monitoring.alerts.AlertRuleRepository;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.history.MonitoringHistory;
import org.mlplatform.domain.monitoring.policy.MonitoringPolicyRepository;
import org.mlplatform.persistence.monitoring.JdbcFeedbackStore;
import org.mlplatform.persistence.monitoring.JdbcMonitoringHistory;
import org.mlplatform.persistence.monitoring.alerts.JdbcAlertRepository;
import org.mlplatform.persistence.monitoring.alerts.JdbcAlertRuleRepository;
import org.mlplatform.persistence.monitoring.policy.JdbcMonitoringPolicyRepository;
import org.mlplatform.portal.config.PlatformDataSource;

/**
 * Monitoring's stores on the platform's DataSource, plain JDBC. Rules, alerts and policies join a
 * caller's JTA transaction (they commit with their audit record); feedback and history end their
 * own, as the prediction log does.
 */
@ApplicationScoped
public class MonitoringStores {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Produces
  @ApplicationScoped
  FeedbackStore feedback() {
    return new JdbcFeedbackStore(dataSource);
  }

  @Produces
  @ApplicationScoped
  MonitoringHistory history() {
    return new JdbcMonitoringHistory(dataSource);
  }

  @Produces
  @ApplicationScoped
  MonitoringPolicyRepository policies() {
    return new JdbcMonitoringPolicyRepository(dataSource);
  }

  @Produces
  @ApplicationScoped
  AlertRuleRepository alertRules() {
    return new JdbcAlertRuleRepository(dataSource);
  }

  @Produces
  @ApplicationScoped
  AlertRepository alerts() {
    return new JdbcAlertRepository(dataSource);
  }
}
