package org.crossboard.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of an original text a translation is based on: the SHA-256 of its UTF-8 bytes, in
 * hex. Two records with the same text share a version, and a text changed back is the same version
 * again (SPEC.md N4).
 */
public final class TextVersion {
  private TextVersion() {}

  public static String of(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
