/**
 * The feature store's language: entities and their join keys, typed feature views, feature
 * references and the point-in-time (as-of) join that keeps training free of values from the future.
 */
package org.mlplatform.domain.features;
