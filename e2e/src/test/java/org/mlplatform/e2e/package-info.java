/**
 * End-to-end tests: the built uber-jar and a real Keycloak started through {@code ./mlp}, driven
 * over HTTP with real tokens and in headless Chromium.
 */
package org.mlplatform.e2e;
