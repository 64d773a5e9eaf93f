/**
 * Governed workflows on an embedded Camunda 7 engine: engine bootstrap, the BPMN processes and a
 * facade that speaks the platform's language. No Camunda type leaves this package tree, so a move
 * to Camunda's maintained fork stays local.
 */
package org.mlplatform.workflows;
