package org.mlplatform.domain.audit;

/** How an audited action ended. Stored by name. */
public enum Outcome {
  SUCCESS,
  DENIED,
  FAILED
}
