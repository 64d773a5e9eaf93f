/** The audit trail for administrators. */
package org.mlplatform.portal.ui.audit;
