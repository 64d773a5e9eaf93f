/**
 * Authentication and authorisation against the OpenID Connect provider (Keycloak): bearer-token
 * verification for the REST API, the authorisation-code login for the portal, and the request
 * wrapper that turns a verified token into the container's principal and roles.
 */
package org.mlplatform.portal.security;
