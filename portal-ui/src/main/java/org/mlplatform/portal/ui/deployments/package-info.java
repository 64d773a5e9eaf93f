/** The Deployments area of the portal. */
package org.mlplatform.portal.ui.deployments;
