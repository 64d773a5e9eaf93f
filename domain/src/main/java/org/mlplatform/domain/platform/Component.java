package org.mlplatform.domain.platform;

/** The parts that must be up before the platform reports itself ready. */
public enum Component {
  DATABASE_MIGRATIONS,
  /** This node's membership of the cluster (or running alone). */
  CLUSTER,
  WORKFLOW_ENGINE,
  SEARCH_INDEX,
  SERVING_ENGINE
}
