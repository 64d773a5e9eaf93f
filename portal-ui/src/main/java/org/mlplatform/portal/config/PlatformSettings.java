package org.mlplatform.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's settings from MicroProfile Config. Each key can also be given as an environment
 * variable by MicroProfile's rule ({@code mlp.oidc.client-id} as {@code MLP_OIDC_CLIENT_ID}).
 */
@ApplicationScoped
public class PlatformSettings {

  private final Config config = ConfigProvider.getConfig();

  /** Secrets may also come from a file: {@code MLP_X_FILE} beside {@code MLP_X}. */
  private final SecretValues secrets = new SecretValues(this::value);

  /** Everything the platform keeps on disk lives below this folder. */
  public Path dataDir() {
    return Path.of(value("mlp.data.dir").orElse("data")).toAbsolutePath().normalize();
  }

  /**
   * Files every node of a cluster must read: model artifacts and their key, training sets, batch
   * predictions and uploads waiting for their job. The data directory unless {@code MLP_SHARED_DIR}
   * names a folder all nodes share; the index and logs stay per node.
   */
  public Path sharedDir() {
    return value("mlp.shared-dir")
        .map(dir -> Path.of(dir).toAbsolutePath().normalize())
        .orElseGet(this::dataDir);
  }

  /** The URL users reach the portal at; login redirects are built from it. */
  public URI publicUrl() {
    String url = value("mlp.public-url").orElse("http://localhost:8080");
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  public String oidcIssuer() {
    return value("mlp.oidc.issuer")
        .orElseThrow(
            () -> new IllegalStateException("mlp.oidc.issuer (MLP_OIDC_ISSUER) is not set"));
  }

  public String oidcClientId() {
    return value("mlp.oidc.client-id").orElse("mlp-portal");
  }

  public String oidcClientSecret() {
    return secrets.value("mlp.oidc.client-secret").orElse("");
  }

  /** The audience REST tokens must carry; empty turns the audience check off. */
  public String oidcAudience() {
    return value("mlp.oidc.audience").orElse("mlp-api");
  }

  /** Uploads up to this size are written while the caller waits; larger ones run as a job. */
  public long ingestSyncLimitBytes() {
    return config.getOptionalValue("mlp.ingest.sync-limit-bytes", Long.class).orElse(8L << 20);
  }

  /**
   * The key model artifacts are encrypted with (base64 of 32 bytes); empty means a key generated
   * once and kept in the data directory.
   */
  public Optional<String> artifactKey() {
    return secrets.value("mlp.artifacts.key");
  }

  /** Keys artifacts were encrypted with before a rotation, comma-separated, still readable. */
  public List<String> retiredArtifactKeys() {
    return secrets.value("mlp.artifacts.retired-keys").stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** The largest model file an upload may carry. */
  public long maxModelBytes() {
    return config.getOptionalValue("mlp.models.max-upload-bytes", Long.class).orElse(256L << 20);
  }

  /** How long ONNX Runtime may take to open an uploaded model before it is refused. */
  public Duration modelLoadTimeout() {
    return Duration.ofSeconds(
        config.getOptionalValue("mlp.models.load-timeout-seconds", Long.class).orElse(30L));
  }

  /** Threads one serving session may use per run; 1 runs each request on its caller's thread. */
  public int servingIntraOpThreads() {
    return config.getOptionalValue("mlp.serving.intra-op-threads", Integer.class).orElse(1);
  }

  /**
   * The most rows of a view version the node copies to its data directory for training sets to look
   * up; larger views are read from the database each time. 0 keeps no copies.
   */
  public int offlineCopyMaxRows() {
    return config.getOptionalValue("mlp.offline.copy-max-rows", Integer.class).orElse(2_000_000);
  }

  /** The dedicated inference port (/v2, predictions by key, online lookups); 0 leaves it closed. */
  public int servingPort() {
    return config.getOptionalValue("mlp.serving.port", Integer.class).orElse(0);
  }

  /** The address the inference port listens on. */
  public String servingHost() {
    return value("mlp.serving.host").orElse("0.0.0.0");
  }

  /** Request threads of the inference port. */
  public int servingPortThreads() {
    return config.getOptionalValue("mlp.serving.port-threads", Integer.class).orElse(16);
  }

  /** Largest inference request body in bytes; larger ones get a 413. */
  public long servingMaxRequestBytes() {
    return config.getOptionalValue("mlp.serving.max-request-bytes", Long.class).orElse(32L << 20);
  }

  /** Predictions waiting to be logged; past this, new ones are dropped and counted. */
  public int predictionLogCapacity() {
    return config.getOptionalValue("mlp.serving.log-queue", Integer.class).orElse(100_000);
  }

  /** How long logged predictions are kept. */
  public Duration predictionRetention() {
    return Duration.ofDays(
        config.getOptionalValue("mlp.serving.log-retention-days", Long.class).orElse(30L));
  }

  /**
   * Where notifications are posted as JSON once their transaction has committed; empty turns the
   * webhook off.
   *
   * @throws IllegalStateException when the value is not an http or https URL with a host
   */
  public Optional<URI> webhookUrl() {
    return secrets.value("mlp.webhook.url").map(PlatformSettings::webhookUrl);
  }

  /** The key webhook bodies are signed with (HMAC-SHA256 in {@code X-MLP-Signature}); optional. */
  public Optional<String> webhookSecret() {
    return secrets.value("mlp.webhook.secret");
  }

  /** Notifications waiting for the webhook; past this, new ones are dropped and logged. */
  public int webhookQueueCapacity() {
    return config.getOptionalValue("mlp.webhook.queue", Integer.class).orElse(1_000);
  }

  /**
   * Parses a webhook URL: http or https with a host. Messages never repeat the URL, which may carry
   * a token (chat webhooks do).
   */
  public static URI webhookUrl(String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "mlp.webhook.url (MLP_WEBHOOK_URL) is not a URL: " + e.getReason());
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalStateException(
          "mlp.webhook.url (MLP_WEBHOOK_URL) must be an http or https URL with a host"
              + (scheme.isEmpty() ? "" : ", not a " + scheme + " URL"));
    }
    return uri;
  }

  private Optional<String> value(String key) {
    return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }
}
