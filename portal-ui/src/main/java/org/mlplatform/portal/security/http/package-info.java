/**
 * HTTP hardening in front of everything the WAR serves: security headers (a Content-Security-Policy
 * fitted to Vaadin Flow, frame and sniffing protection, HSTS on HTTPS), the Host allow-list, the
 * CORS allow-list of the API, size and nesting limits on API request bodies, and the session
 * cookie's flags. One filter, registered ahead of the login and bearer-token filters, does the
 * per-request part.
 */
package org.mlplatform.portal.security.http;
