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
    transactional = true,
    // A database restart leaves every pooled connection dead: check a connection before handing
    // it out (Connection.isValid: one round trip), and on one failure drop the whole pool, so that
    // callers see
    // fresh connections instead of one error per stale connection.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class PlatformDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/mlp";
}
