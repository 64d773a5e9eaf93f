package org.mlplatform.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that changes nothing of the platform's (a prediction, a lookup, the caller's own read
 * marks), so {@link ApiCallAudit} leaves it out of the audit trail. Says why.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotAudited {

  /** Why the call is not an action worth auditing. */
  String value();
}
