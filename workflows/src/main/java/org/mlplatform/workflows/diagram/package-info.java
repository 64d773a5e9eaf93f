/**
 * A process's BPMN diagram as plain data: shapes and edges with their coordinates, read from the
 * BPMN file's diagram interchange (DI) section, so that the portal can draw where an instance
 * stands without importing Camunda. {@link org.mlplatform.workflows.diagram.ProcessDiagrams} is the
 * only class here that touches Camunda's model API.
 */
package org.mlplatform.workflows.diagram;
