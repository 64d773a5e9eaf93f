/**
 * The audit trail: one record per mutating action, and the port that stores them. Records form a
 * hash chain ({@link org.mlplatform.domain.audit.AuditHash}) that {@link
 * org.mlplatform.domain.audit.AuditChainVerifier} checks in constant memory; {@link
 * org.mlplatform.domain.audit.AuditFilter} selects records and {@link
 * org.mlplatform.domain.audit.AuditCsv} exports them.
 */
package org.mlplatform.domain.audit;
