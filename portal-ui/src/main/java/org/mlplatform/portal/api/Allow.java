package org.mlplatform.portal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST method (on the method, or on the class for all its methods). A
 * method without a decision is denied. Our own annotation rather than {@code @RolesAllowed}: Payara
 * applies the container's authentication to {@code @RolesAllowed} resources and answers 401 with an
 * HTML page before our bearer-token identity is consulted.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

  /** Role names as in the identity provider; see {@link ApiRoles}. */
  String[] value();
}
