/**
 * Catalogue search in the portal: the results page ({@code search?q=...}) with facets and
 * highlighted snippets, and the search box with suggestions in the header of every page.
 */
package org.mlplatform.portal.ui.search;
