/**
 * The model registry's application services: uploads inspected and stored before a version is
 * registered, training runs as jobs, aliases and model cards, each change with its audit record.
 */
package org.mlplatform.portal.models;
