package org.mlplatform.portal.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's one DataSource, shared by Hibernate, the bulk JDBC paths and Camunda. Payara reads
 * these values from system properties when it processes the annotation (the WAR's config files are
 * not visible then), so the launcher passes {@code -Dmlp.db.*}; H2 or PostgreSQL is chosen at
 * start, without a rebuild.
 */
@DataSourceDefinition(
    name = PlatformDataSource.JNDI_NAME,
    className = "${mlp.db.datasource-class}",
    url = "${mlp.db.url}",
    user = "${mlp.db.user}",
    password = "${mlp.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true)
@ApplicationScoped
public class PlatformDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/mlp";
}
