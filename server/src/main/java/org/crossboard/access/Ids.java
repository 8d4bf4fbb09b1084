package org.crossboard.access;

import java.util.Random;

/** Random url-safe identifiers (base62). */
public final class Ids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  /** {@code length} base62 characters; 22 characters carry about 131 bits. */
  public static String random(Random random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
