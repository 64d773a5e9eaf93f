/**
 * The Deployments area of the portal: the list of served models ({@link
 * org.mlplatform.portal.ui.deployments.DeploymentsView}) and one deployment's page ({@link
 * org.mlplatform.portal.ui.deployments.DeploymentDetailView}) with its live traffic chart, a panel
 * to try a prediction by entity key or as Open Inference Protocol JSON, and the latest logged
 * predictions. Data scientists and admins create, change and remove deployments through {@link
 * org.mlplatform.portal.ui.deployments.DeploymentForm}. The pure parts (form input, entity keys,
 * chart series, texts) are separate small classes tested without a UI.
 */
package org.mlplatform.portal.ui.deployments;
