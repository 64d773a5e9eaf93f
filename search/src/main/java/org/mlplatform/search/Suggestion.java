package org.mlplatform.search;

/** A name to offer while the user types, with where it leads. */
public record Suggestion(String text, DocumentType type, String link) {}
