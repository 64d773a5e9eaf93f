/** The Vaadin portal, packaged by feature; the shared shell lives in {@code base}. */
package org.mlplatform.portal.ui;
