package org.mlplatform.workflows;

import org.h2.jdbcx.JdbcDataSource;

/** The platform's engine on an in-memory H2 database of its own, job executor off. */
final class TestEngines {

  private TestEngines() {}

  static WorkflowEngine standalone(String database, RecordingPorts ports) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    return WorkflowEngineFactory.standalone(ds, false, ports.ports());
  }
}
