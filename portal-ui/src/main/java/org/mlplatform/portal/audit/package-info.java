/** Writing the audit trail from the web tier: who, from where, under which request id. */
package org.mlplatform.portal.audit;
