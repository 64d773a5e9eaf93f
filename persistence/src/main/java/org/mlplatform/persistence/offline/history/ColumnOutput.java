package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A new file written front to back through a buffer, numbers in the machine's byte order, with a
 * CRC-32C of its bytes for the manifest: a copy is checked against it when mapped from disk, so a
 * file the operating system lost part of in a crash is found without syncing every copy.
 */
final class ColumnOutput implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
  private final CRC32C checksum = new CRC32C();

  ColumnOutput(Path file) throws IOException {
    this.file = file;
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  void putByte(int value) throws IOException {
    room(1);
    buffer.put((byte) value);
  }

  void putInt(int value) throws IOException {
    room(4);
    buffer.putInt(value);
  }

  void putLong(long value) throws IOException {
    room(8);
    buffer.putLong(value);
  }

  void putFloat(float value) throws IOException {
    room(4);
    buffer.putFloat(value);
  }

  void putDouble(double value) throws IOException {
    room(8);
    buffer.putDouble(value);
  }

  void putBytes(byte[] bytes, int offset, int length) throws IOException {
    int at = offset;
    int end = offset + length;
    while (at < end) {
      room(1);
      int count = Math.min(buffer.remaining(), end - at);
      buffer.put(bytes, at, count);
      at += count;
    }
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    checksum.update(buffer.array(), 0, buffer.limit());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  String name() {
    return file.getFileName().toString();
  }

  /** The CRC-32C of the bytes written so far. */
  long checksum() {
    return checksum.getValue();
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      flush();
    }
  }
}
