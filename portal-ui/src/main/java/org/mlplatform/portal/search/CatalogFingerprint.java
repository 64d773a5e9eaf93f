package org.mlplatform.portal.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.mlplatform.search.CatalogDocument;

/**
 * A SHA-256 over every document's content and the index's schema version: equal when the index
 * built from these documents would be the same. Stored with the index, it tells at start whether
 * the index still matches the database (a deleted folder, changes made while the platform was down,
 * a new schema). The whole content is hashed rather than ids and change times, because
 * feature-store definitions keep no change time.
 *
 * <p>It keeps one hash per document, so the indexer updates it with each change it applies ({@link
 * #apply}) instead of reading the whole catalogue again: at 100,000 documents that read took
 * seconds after every burst of changes. Not thread-safe: the indexer's one thread owns it.
 */
public final class CatalogFingerprint {

  private final int schemaVersion;
  private final NavigableMap<String, byte[]> documentHashes = new TreeMap<>();

  private CatalogFingerprint(int schemaVersion) {
    this.schemaVersion = schemaVersion;
  }

  /** The fingerprint of {@code documents}, ready to follow their changes. */
  public static CatalogFingerprint over(Collection<CatalogDocument> documents, int schemaVersion) {
    CatalogFingerprint fingerprint = new CatalogFingerprint(schemaVersion);
    documents.forEach(fingerprint::put);
    return fingerprint;
  }

  /** The same for the same documents in any order. */
  public static String of(Collection<CatalogDocument> documents, int schemaVersion) {
    return over(documents, schemaVersion).value();
  }

  /** Follows {@code change} exactly as the index does: prefixes, then ids, then writes. */
  void apply(IndexChange change) {
    change.removedPrefixes().forEach(this::removePrefix);
    change.removedIds().forEach(documentHashes::remove);
    change.documents().forEach(this::put);
  }

  /** The hex SHA-256 over the schema version and every document's hash in id order. */
  public String value() {
    MessageDigest sha = sha256();
    field(sha, "schema " + schemaVersion);
    documentHashes.forEach(
        (id, hash) -> {
          field(sha, id);
          sha.update(hash);
        });
    return HexFormat.of().formatHex(sha.digest());
  }

  private void put(CatalogDocument document) {
    MessageDigest sha = sha256();
    document(sha, document);
    documentHashes.put(document.id(), sha.digest());
  }

  private void removePrefix(String prefix) {
    Iterator<String> ids = documentHashes.tailMap(prefix, true).keySet().iterator();
    while (ids.hasNext() && ids.next().startsWith(prefix)) {
      ids.remove();
    }
  }

  private static void document(MessageDigest sha, CatalogDocument d) {
    field(sha, d.id());
    field(sha, d.type().key());
    field(sha, d.name());
    field(sha, d.description());
    list(sha, d.tags());
    field(sha, d.owner() == null ? "\u0000" : d.owner());
    list(sha, d.aliases());
    list(
        sha,
        d.metrics().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .toList());
    field(sha, d.link());
    field(sha, d.updatedAt().toString());
  }

  private static void list(MessageDigest sha, List<String> values) {
    field(sha, Integer.toString(values.size()));
    values.stream().sorted().forEach(v -> field(sha, v));
  }

  /** Length-prefixed, so that no two different field sequences hash the same bytes. */
  private static void field(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
