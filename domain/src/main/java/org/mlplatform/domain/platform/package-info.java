/** The platform's own state: which components have started and whether it is ready to serve. */
package org.mlplatform.domain.platform;
