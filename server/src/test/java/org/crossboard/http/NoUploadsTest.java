package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.crossboard.testing.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nobody can make the server write files: a multipart upload to the REST API or the SockJS
 * endpoint is not stored (Vert.x's body handler would write it under {@code file-uploads/} in the
 * working directory, before any authentication, and keep it).
 */
class NoUploadsTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  private static final Path UPLOADS = Path.of("file-uploads");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Set<Path> uploads() throws IOException {
    if (!Files.isDirectory(UPLOADS)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(UPLOADS)) {
      return new HashSet<>(files.toList());
    }
  }

  private static HttpResponse<String> upload(String path) throws Exception {
    String body = "--XB\r\nContent-Disposition: form-data; name=\"f\"; filename=\"junk.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(10_000) + "\r\n--XB--\r\n";
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "multipart/form-data; boundary=XB")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("[A11] multipart uploads to /api and /sockjs leave nothing on disk; the API answers 400 ERR_MALFORMED")
  void uploadsAreNotStored() throws Exception {
    Set<Path> before = uploads();
    Set<Path> created = new HashSet<>();
    try {
      HttpResponse<String> api = upload("/api/auth/signin");
      assertEquals(400, api.statusCode(), api.body());
      assertEquals("ERR_MALFORMED", new JsonObject(api.body()).getString("code"));
      upload("/api/workspaces");
      upload("/sockjs/000/session1/xhr_send");
      created.addAll(uploads());
      created.removeAll(before);
      assertTrue(created.isEmpty(), "files written: " + created);
    } finally {
      for (Path file : created) {
        Files.deleteIfExists(file);
      }
    }
  }
}
