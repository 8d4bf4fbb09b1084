package org.crossboard.protocol;

/**
 * Finds the top-level {@code "id"} of a frame that could not be parsed (malformed further on,
 * nested too deeply, too large), so that even that error echoes its request id (SPEC.md P4). A
 * single pass that tracks strings and nesting only; it never builds a tree, so it cannot be made
 * to recurse or allocate much by the frame it reads.
 */
final class RequestIdScanner {
  /** How far into a frame the id is looked for: it is near the start in every real client. */
  static final int MAX_SCAN_CHARS = 1 << 20;

  private final String text;
  private final int end;
  private int pos;

  private RequestIdScanner(String text) {
    this.text = text;
    this.end = Math.min(text.length(), MAX_SCAN_CHARS);
  }

  /** The top-level string {@code id} (at most {@code maxLength} characters, no escapes), or null. */
  static String scan(String text, int maxLength) {
    return new RequestIdScanner(text).topLevelId(maxLength);
  }

  private String topLevelId(int maxLength) {
    skipWhitespace();
    if (pos >= end || text.charAt(pos) != '{') {
      return null;
    }
    pos++;
    int depth = 1;
    boolean keyExpected = true;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '"') {
        int start = pos + 1;
        if (!skipString()) {
          return null;
        }
        if (depth == 1 && keyExpected) {
          String key = text.substring(start, pos - 1);
          skipWhitespace();
          if (pos >= end || text.charAt(pos) != ':') {
            return null;
          }
          pos++;
          skipWhitespace();
          if (key.equals("id")) {
            return idValue(maxLength);
          }
          keyExpected = false;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return null;
        }
      } else if (c == ',' && depth == 1) {
        keyExpected = true;
      }
      pos++;
    }
    return null;
  }

  private String idValue(int maxLength) {
    if (pos >= end || text.charAt(pos) != '"') {
      return null;
    }
    int start = pos + 1;
    for (int i = start; i < end && i - start <= maxLength; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return text.substring(start, i);
      }
      if (c == '\\' || c < 0x20) {
        return null;
      }
    }
    return null;
  }

  /** Moves past a string starting at {@code pos} (a quote); false when it does not end in range. */
  private boolean skipString() {
    pos++;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else {
        pos++;
        if (c == '"') {
          return true;
        }
      }
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < end && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
