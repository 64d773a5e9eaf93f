/** Running long operations as jobs on the managed executor, with progress kept in the database. */
package org.mlplatform.portal.jobs;
