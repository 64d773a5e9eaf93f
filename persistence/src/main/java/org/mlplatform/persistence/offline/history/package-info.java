/**
 * A node's local, memory-mapped copy of each view version's offline table, indexed by entity and
 * event time, so training sets look rows up instead of reading every row over the network. Kept in
 * the data directory, one directory per table and stamp; a write anywhere in the cluster changes
 * the stamp, and the next build that needs the table makes a new copy.
 */
package org.mlplatform.persistence.offline.history;
