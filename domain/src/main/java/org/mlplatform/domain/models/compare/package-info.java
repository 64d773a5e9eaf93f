/**
 * Side-by-side comparison of two model versions: how their metrics moved, how the inputs and
 * outputs their files declare differ, and what changed in how they were made (training data,
 * features, parent, algorithm, hyperparameters). Pure functions of two versions.
 */
package org.mlplatform.domain.models.compare;
