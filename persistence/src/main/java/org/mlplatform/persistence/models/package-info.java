/**
 * The model registry in the database, on JPA: models and their tags, immutable version rows whose
 * signature, metrics, hyperparameters and feature mapping are JSON documents, model cards, aliases
 * and the append-only alias history. Version numbering serialises on the model's row.
 */
package org.mlplatform.persistence.models;
