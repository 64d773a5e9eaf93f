/**
 * The model card as one Markdown document: the card's edited text together with the version's
 * metrics, signature and lineage, with every piece of user-supplied text escaped so that it reads
 * as text and never as markup, links or HTML.
 */
package org.mlplatform.domain.models.card;
