/** The audit trail: one record per mutating action, and the port that stores them. */
package org.mlplatform.domain.audit;
