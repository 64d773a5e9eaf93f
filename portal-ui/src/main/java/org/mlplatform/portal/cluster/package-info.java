/**
 * Several platform nodes as one cluster, through the Hazelcast data grid Payara Micro runs. After a
 * commit, a node tells the others what changed (an alias moved, a deployment or a catalogue item
 * changed, online rows were materialised); each node then re-reads that item from the shared
 * database. The messages carry names only, never state, so a lost or late message cannot make a
 * node serve something the database does not hold. Scheduled work runs on the oldest member only.
 */
package org.mlplatform.portal.cluster;
