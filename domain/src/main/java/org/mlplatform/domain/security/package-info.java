/**
 * Who is acting: platform roles and the authenticated user, independent of the identity provider.
 */
package org.mlplatform.domain.security;
