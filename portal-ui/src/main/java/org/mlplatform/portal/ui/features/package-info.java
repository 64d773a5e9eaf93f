/** The Features area of the portal. */
package org.mlplatform.portal.ui.features;
