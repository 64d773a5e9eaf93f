package org.mlplatform.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The multipart body of a version upload: the ONNX file and its metadata JSON. */
public final class MultipartUpload {

  private MultipartUpload() {}

  public static byte[] body(String boundary, String fileName, byte[] onnx, String metadata) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(onnx);
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\""
                + "\r\nContent-Type: application/json\r\n\r\n"
                + metadata
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
