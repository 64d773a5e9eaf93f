/**
 * The Open Inference Protocol v2 routes, independent of the HTTP server that carries them: the
 * platform's servlet at {@code /v2} and the optional dedicated inference port both hand each
 * exchange to {@link org.mlplatform.portal.serving.oip.OipEndpoint}.
 */
package org.mlplatform.portal.serving.oip;
