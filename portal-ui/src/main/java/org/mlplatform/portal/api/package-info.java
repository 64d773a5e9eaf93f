/**
 * The REST API under {@code /api/v1}: thin resources that parse into domain values and delegate,
 * role checks per method, and errors as {@code {"error": ...}} bodies.
 */
package org.mlplatform.portal.api;
