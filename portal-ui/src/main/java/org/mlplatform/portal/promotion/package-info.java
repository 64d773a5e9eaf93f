/**
 * The platform side of the promotion and rollback processes: the checks, deployment actions and
 * notifications their BPMN steps call through the workflow module's ports, and the settings that
 * give the processes their deadlines and windows.
 */
package org.mlplatform.portal.promotion;
