/**
 * Catalogue search in the portal: the platform's entities, feature views, features, feature
 * services, models and versions as {@link org.mlplatform.search.CatalogDocument}s ({@link
 * org.mlplatform.portal.search.CatalogDocuments}), the {@link
 * org.mlplatform.portal.search.CatalogChanged} event the mutating services fire, the {@link
 * org.mlplatform.portal.search.CatalogIndexer} that applies committed changes to the Lucene index
 * on its own thread and rebuilds the index at start when it is out of date, and {@link
 * org.mlplatform.portal.search.CatalogSearch}, through which the REST API and the portal query it.
 */
package org.mlplatform.portal.search;
