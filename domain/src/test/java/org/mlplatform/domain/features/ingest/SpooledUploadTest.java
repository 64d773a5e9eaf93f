package org.mlplatform.domain.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload read while it arrives: whole when complete, never taken whole when cut off. */
class SpooledUploadTest {

  @TempDir Path folder;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A body handed over piece by piece by the test, as a slow client would send it. */
  private static final class SteppedBody extends InputStream {
    private final SynchronousQueue<byte[]> pieces = new SynchronousQueue<>();

    /** Hands one piece to the receiver; an empty piece ends the body, null breaks it off. */
    void send(byte[] piece) throws InterruptedException {
      pieces.put(piece == null ? new byte[] {-1, -1, -1} : piece);
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      byte[] piece;
      try {
        piece = pieces.take();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      if (piece.length == 0) {
        return -1;
      }
      if (piece.length == 3 && piece[0] == -1) {
        throw new IOException("connection reset");
      }
      System.arraycopy(piece, 0, buffer, offset, piece.length);
      return piece.length;
    }
  }

  @Test
  void theReaderSeesEachPieceAsItArrivesAndEndsOnlyWhenTheUploadIsComplete() throws Exception {
    SpooledUpload upload = SpooledUpload.create(folder.resolve("uploads"));
    SteppedBody body = new SteppedBody();
    Future<Long> received = threads.submit(() -> upload.receive(body));
    InputStream reader = upload.reader();
    byte[] buffer = new byte[100];

    body.send("abc".getBytes());
    assertThat(reader.read(buffer, 0, 100)).isEqualTo(3);
    Future<Integer> waiting = threads.submit(() -> reader.read(buffer, 3, 97));
    Thread.sleep(100);
    assertThat(waiting).isNotDone(); // at the end of what arrived, not at the end of the upload
    assertThat(upload.isComplete()).isFalse();

    body.send("defg".getBytes());
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(4);
    body.send(new byte[0]);
    assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(reader.read(buffer, 7, 93)).isEqualTo(-1);
    assertThat(new String(buffer, 0, 7)).isEqualTo("abcdefg");
    assertThat(upload.isComplete()).isTrue();
    assertThat(upload.received()).isEqualTo(7);
    reader.close();

    upload.close();
    assertThat(upload.file()).doesNotExist();
  }

  @Test
  void anUploadCutOffMidwayFailsTheReaderInsteadOfEndingIt() throws Exception {
    SpooledUpload upload = SpooledUpload.create(folder);
    SteppedBody body = new SteppedBody();
    Future<Long> received = threads.submit(() -> upload.receive(body));
    CompletableFuture<byte[]> readAll =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = upload.reader()) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            threads);

    body.send("12345".getBytes());
    body.send(null);

    assertThatThrownBy(() -> received.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class)
        .hasRootCauseMessage("connection reset");
    assertThatThrownBy(() -> readAll.get(5, TimeUnit.SECONDS))
        .cause() // UncheckedIOException
        .cause()
        .isInstanceOf(SpooledUpload.UploadInterruptedException.class)
        .hasMessage("the upload was interrupted after 5 bytes: connection reset");
    upload.close();
  }

  @Test
  void onceAbandonedTheRestOfTheBodyIsReadButNotStored() throws Exception {
    SpooledUpload upload = SpooledUpload.create(folder);
    SteppedBody body = new SteppedBody();
    Future<Long> received = threads.submit(() -> upload.receive(body));

    body.send("kept".getBytes());
    while (upload.received() < 4) {
      Thread.sleep(5);
    }
    upload.abandon();
    body.send("dropped".getBytes());
    body.send(new byte[0]);

    assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(11); // the client was read to the end
    assertThat(Files.readString(upload.file())).isEqualTo("kept");
    upload.close();
  }

  @Test
  void aFileThatArrivedWholeReadsToItsEndAtOnce() throws Exception {
    Path file = Files.writeString(folder.resolve("portal-upload.csv"), "a,b\n1,2\n");
    try (SpooledUpload upload = SpooledUpload.ofCompleteFile(file);
        InputStream in = upload.reader()) {
      assertThat(upload.isComplete()).isTrue();
      assertThat(new String(in.readAllBytes())).isEqualTo("a,b\n1,2\n");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void aLargeUploadReadConcurrentlyArrivesByteForByte() throws Exception {
    byte[] data = new byte[3_000_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >> 9));
    }
    try (SpooledUpload upload = SpooledUpload.create(folder)) {
      Future<byte[]> read =
          threads.submit(
              () -> {
                try (InputStream in = upload.reader()) {
                  return in.readAllBytes();
                }
              });
      assertThat(upload.receive(new ByteArrayInputStream(data))).isEqualTo(data.length);
      assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(data);
    }
  }
}
