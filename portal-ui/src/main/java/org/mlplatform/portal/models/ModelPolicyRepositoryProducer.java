package org.mlplatform.portal.models;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.mlplatform.domain.models.policy.ModelPolicyRepository;
import org.mlplatform.persistence.models.policy.JdbcModelPolicyRepository;
import org.mlplatform.portal.config.PlatformDataSource;

/**
 * Model policies on the platform's DataSource (plain JDBC, no JPA entity). Inside a JTA transaction
 * the data source enlists the connection, so a policy commits with what else the transaction
 * writes.
 */
@ApplicationScoped
public class ModelPolicyRepositoryProducer {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Produces
  @ApplicationScoped
  ModelPolicyRepository modelPolicies() {
    return new JdbcModelPolicyRepository(dataSource);
  }
}
