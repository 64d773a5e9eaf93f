/** The portal's training-set pages: build a point-in-time training set, follow it, download it. */
package org.mlplatform.portal.ui.training;
