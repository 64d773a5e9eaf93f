/** The Search area of the portal. */
package org.mlplatform.portal.ui.search;
