package org.mlplatform.portal.serving.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * The files of batch predictions under {@code <data dir>/batch-predictions}: each result as {@code
 * <id>.csv}, written under a temporary name and moved into place when complete, so that a download
 * never serves half a result; uploads wait in {@code uploads/} (as {@code <id>.csv} once the job
 * has its id) until their run ends. Ids are parsed as UUIDs, so no path trick reaches another file.
 */
@ApplicationScoped
public class BatchFiles {

  /** The largest CSV a request may upload unless {@code mlp.batch.max-upload-bytes} says more. */
  static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

  private static final int COPY_BUFFER = 64 * 1024;

  /** Writes a result's content; what it returns is handed back by {@link #writeResult}. */
  interface Content<T> {
    T write(Writer out) throws Exception;
  }

  @Inject private PlatformSettings settings;

  /** Where the result of batch prediction {@code id} is once complete. */
  public Path result(String id) {
    return folder().resolve(UUID.fromString(id) + ".csv");
  }

  public boolean hasResult(String id) {
    return Files.isRegularFile(result(id));
  }

  public InputStream openResult(String id) throws IOException {
    return Files.newInputStream(result(id));
  }

  public long resultSize(String id) throws IOException {
    return Files.size(result(id));
  }

  /**
   * Writes a result under a temporary name and moves it into place; the temporary file is deleted
   * when writing fails.
   */
  <T> T writeResult(String id, Content<T> content) throws Exception {
    Path target = result(id);
    Files.createDirectories(target.getParent());
    // A name of its own per run: a run on a node cut off from the cluster may still be writing.
    Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
    try {
      T written;
      try (OutputStream file = Files.newOutputStream(temporary);
          Writer out =
              new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
        written = content.write(out);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (Exception | Error e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /**
   * Copies an uploaded CSV into a new file under {@code uploads/}, stopping as soon as it passes
   * the limit (a declared length above it is refused before a byte is read).
   *
   * @param declaredLength the request's Content-Length, or -1 when it did not say
   * @throws UploadTooLargeException above the limit; nothing is kept
   */
  Path receive(InputStream body, long declaredLength) throws IOException {
    long limit = maxUploadBytes();
    if (declaredLength > limit) {
      throw new UploadTooLargeException(limit);
    }
    Path uploads = folder().resolve("uploads");
    Files.createDirectories(uploads);
    Path file = Files.createTempFile(uploads, "upload-", ".csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[COPY_BUFFER];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) >= 0) {
        total += n;
        if (total > limit) {
          throw new UploadTooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /**
   * Keeps a received upload as the input of batch prediction {@code id}, where a node taking the
   * job over finds it ({@link #upload}).
   */
  Path keepUpload(Path received, String id) throws IOException {
    return Files.move(received, upload(id), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Where the uploaded input of batch prediction {@code id} waits until its run ends. */
  Path upload(String id) {
    return folder().resolve("uploads").resolve(UUID.fromString(id) + ".csv");
  }

  long maxUploadBytes() {
    return ConfigProvider.getConfig()
        .getOptionalValue("mlp.batch.max-upload-bytes", Long.class)
        .orElse(DEFAULT_MAX_UPLOAD_BYTES);
  }

  private Path folder() {
    return settings.sharedDir().resolve("batch-predictions");
  }
}
