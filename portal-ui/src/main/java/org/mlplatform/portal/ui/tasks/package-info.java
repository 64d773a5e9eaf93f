/** The task inbox: human workflow tasks open to the user's roles. */
package org.mlplatform.portal.ui.tasks;
