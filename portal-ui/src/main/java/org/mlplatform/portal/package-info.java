/**
 * The web application: it wires every module together with CDI and serves the portal (Vaadin), the
 * REST API (JAX-RS) and the health and metrics endpoints from one WAR.
 */
package org.mlplatform.portal;
