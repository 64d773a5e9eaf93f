/**
 * Running long operations as jobs on the managed executor, with progress kept in the database, and
 * keeping each running on exactly one node: a node's jobs are taken over when it is gone.
 */
package org.mlplatform.portal.jobs;
