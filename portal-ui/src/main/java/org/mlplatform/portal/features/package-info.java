/**
 * The feature store's web side: the transactional service the REST resources and views call, and
 * the JSON shapes of definitions.
 */
package org.mlplatform.portal.features;
