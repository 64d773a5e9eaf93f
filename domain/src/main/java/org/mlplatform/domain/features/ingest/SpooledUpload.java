package org.mlplatform.domain.features.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An upload kept in a file that can be read while it is still arriving, so that parsing and writing
 * overlap with receiving instead of waiting for the last byte. One thread {@linkplain #receive
 * receives} the body into the file; another reads it through {@link #reader()}, which waits at the
 * end of what has arrived until more comes, and ends when the upload is complete. When receiving
 * fails, the reader fails too ({@link UploadInterruptedException}), so a half-received upload is
 * never taken for a whole one. Memory stays at one buffer whatever the upload's size.
 *
 * <p>Thread-safe for one receiver and any number of readers; {@link #close()} deletes the file.
 */
public final class SpooledUpload implements AutoCloseable {

  /** The upload stopped arriving before its end; nothing read from it may be kept. */
  public static final class UploadInterruptedException extends IOException {
    UploadInterruptedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private long received;
  private boolean complete;
  private IOException failure;
  private boolean abandoned;

  private SpooledUpload(Path file) {
    this.file = file;
  }

  /** A new, empty upload in a new file in {@code folder} (created when missing). */
  public static SpooledUpload create(Path folder) throws IOException {
    Files.createDirectories(folder);
    return new SpooledUpload(Files.createTempFile(folder, "upload-", ".part"));
  }

  /** An upload that has already arrived whole: a file on this machine, which it now owns. */
  public static SpooledUpload ofCompleteFile(Path file) throws IOException {
    SpooledUpload upload = new SpooledUpload(file);
    upload.received = Files.size(file);
    upload.complete = true;
    return upload;
  }

  public Path file() {
    return file;
  }

  /**
   * Copies {@code body} to the end into the file, letting readers see each piece as it lands. When
   * every reader has given up ({@link #abandon()}), the rest of the body is read and dropped.
   *
   * @return the number of bytes received
   * @throws IOException when reading the body or writing the file fails; readers then fail too
   */
  public long receive(InputStream body) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
      long total = 0;
      int n;
      while ((n = body.read(buffer)) >= 0) {
        if (n == 0) {
          continue;
        }
        total += n;
        if (!isAbandoned()) {
          out.write(buffer, 0, n); // unbuffered: on disk (in the page cache) before it is announced
          arrived(n);
        }
      }
      finish(null);
      return total;
    } catch (IOException | RuntimeException | Error e) {
      finish(
          e instanceof IOException io
              ? io
              : new IOException("receiving the upload failed: " + e.getMessage(), e));
      throw e;
    }
  }

  /** The bytes arrived so far. */
  public synchronized long received() {
    return received;
  }

  /** Whether the whole upload has arrived. */
  public synchronized boolean isComplete() {
    return complete;
  }

  /** Tells the receiver that nobody reads on, so the rest of the body need not be stored. */
  public synchronized void abandon() {
    abandoned = true;
    notifyAll();
  }

  /**
   * The upload's bytes from the start; a read at the end of what has arrived waits for more, and
   * returns -1 only once the upload is complete. Close it when done.
   */
  public InputStream reader() throws IOException {
    return new Reader(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** Deletes the file; a receiver still running drops the rest of the body. */
  @Override
  public void close() throws IOException {
    abandon();
    Files.deleteIfExists(file);
  }

  private synchronized boolean isAbandoned() {
    return abandoned;
  }

  private synchronized void arrived(int bytes) {
    received += bytes;
    notifyAll();
  }

  private synchronized void finish(IOException failed) {
    if (failed == null) {
      complete = true;
    } else {
      failure = failed;
    }
    notifyAll();
  }

  /**
   * Waits until more than {@code position} bytes have arrived, or the upload ended.
   *
   * @return how many bytes from {@code position} may be read now; 0 at the end of a complete upload
   */
  private synchronized long readable(long position) throws IOException {
    while (received <= position && !complete && failure == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the upload");
      }
    }
    if (received > position) {
      return received - position;
    }
    if (failure != null) {
      String reason =
          failure.getMessage() != null
              ? failure.getMessage()
              : failure.getClass().getSimpleName(); // servers often give no message
      throw new UploadInterruptedException(
          "the upload was interrupted after " + received + " bytes: " + reason, failure);
    }
    return 0;
  }

  /** Reads the file up to what has arrived, waiting at that end. */
  private final class Reader extends InputStream {
    private final FileChannel channel;
    private long position;

    Reader(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      long available = readable(position);
      if (available == 0) {
        return -1;
      }
      int n =
          channel.read(
              ByteBuffer.wrap(buffer, offset, (int) Math.min(length, available)), position);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
