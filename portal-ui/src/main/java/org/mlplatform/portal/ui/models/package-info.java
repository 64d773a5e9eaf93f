/** The Models area of the portal. */
package org.mlplatform.portal.ui.models;
