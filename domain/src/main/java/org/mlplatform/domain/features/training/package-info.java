/**
 * Point-in-time correct training sets: the plan of what to read ({@link
 * org.mlplatform.domain.features.training.TrainingSetPlan}), the builder that joins entity rows
 * against the offline store as of each row's moment, and the immutable snapshot that models name as
 * their lineage.
 */
package org.mlplatform.domain.features.training;
