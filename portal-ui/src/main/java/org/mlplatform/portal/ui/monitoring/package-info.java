/** The Monitoring area of the portal. */
package org.mlplatform.portal.ui.monitoring;
