/**
 * The language of the platform. Nothing in this package tree imports a framework: value objects,
 * aggregates, ports (repository and service interfaces) and pure algorithms only.
 */
package org.mlplatform.domain;
