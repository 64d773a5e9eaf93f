/** The portal's landing page: who you are and whether the platform is up. */
package org.mlplatform.portal.ui.home;
