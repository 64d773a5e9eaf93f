/** The portal's shell: servlet, app shell, main layout, access control and shared components. */
package org.mlplatform.portal.ui.base;
