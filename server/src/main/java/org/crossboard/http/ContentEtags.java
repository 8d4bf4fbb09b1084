package org.crossboard.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strong {@code ETag}s from the content of the web client's files, for a static handler behind it.
 * They are what lets a browser revalidate safely across an upgrade and across nodes:
 * {@code Last-Modified} of a file served from the jar is when this process unpacked it, which
 * differs between nodes and says nothing about which version a browser holds. A matching
 * {@code If-None-Match} is answered 304 here (it takes precedence over {@code If-Modified-Since});
 * anything else goes on to the static handler with the tag set.
 *
 * <p>Only for files that cannot change while the process runs (the jar): a tag is computed once
 * per file, from a non-blocking read, and kept. Paths that name no file are not remembered.
 */
final class ContentEtags implements Handler<RoutingContext> {
  private final String root;
  private final String indexPage;
  private final Map<String, String> tags = new ConcurrentHashMap<>();

  /**
   * @param root the static handler's web root ({@code webroot} on the class path), without a final slash
   * @param indexPage the file served for a path ending in {@code /}
   */
  ContentEtags(String root, String indexPage) {
    this.root = root;
    this.indexPage = indexPage;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String file = file(ctx.normalizedPath());
    if (file == null || (method != HttpMethod.GET && method != HttpMethod.HEAD)) {
      ctx.next();
      return;
    }
    String known = tags.get(file);
    if (known != null) {
      answer(ctx, known);
      return;
    }
    ctx.vertx().fileSystem().readFile(root + file).onComplete(read -> {
      if (read.succeeded()) {
        String tag = tags.computeIfAbsent(file, f -> tagOf(read.result()));
        answer(ctx, tag);
      } else {
        ctx.next(); // no such file (or a directory): the static handler decides
      }
    });
  }

  private void answer(RoutingContext ctx, String tag) {
    ctx.response().putHeader(HttpHeaders.ETAG, tag);
    if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
      ctx.response().setStatusCode(304).end();
    } else {
      ctx.next();
    }
  }

  /** The file under the root that {@code path} names, or null for a path that cannot be one. */
  private String file(String path) {
    // hidden files and anything that could leave the root are the static handler's to refuse
    if (path == null || !path.startsWith("/") || path.contains("/.") || path.contains("\\")) {
      return null;
    }
    return path.endsWith("/") ? path + indexPage : path;
  }

  /** Whether an {@code If-None-Match} list names {@code tag} (weak comparison, RFC 9110 13.1.2). */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(tag) || (c.startsWith("W/") && c.substring(2).equals(tag))) {
        return true;
      }
    }
    return false;
  }

  private static String tagOf(Buffer content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes());
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
