/**
 * The model-promotion process's Java side: the request it starts from, the ports through which its
 * steps act on the platform (checks, deployments, notifications), and the delegates the BPMN file
 * names. The ports keep Camunda out of the portal and the portal out of this module.
 */
package org.mlplatform.workflows.promotion;
