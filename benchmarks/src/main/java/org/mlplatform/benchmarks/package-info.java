/**
 * Benchmarks: JMH for in-process hot paths, and load drivers that measure the running server. They
 * are built with the reactor and run only on request; figures and commands are in the README.
 */
package org.mlplatform.benchmarks;
