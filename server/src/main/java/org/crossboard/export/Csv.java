package org.crossboard.export;

/**
 * CSV as RFC 4180 writes it (comma, double quotes, CRLF) for the files people download — the
 * audit log, a session's recap. A cell a spreadsheet would run as a formula is prefixed with an
 * apostrophe, because names, titles and notes are user input.
 */
public final class Csv {
  private Csv() {}

  /** Appends one row; missing trailing cells (fewer than {@code columns}) are empty. */
  public static void row(StringBuilder out, int columns, String... cells) {
    for (int i = 0; i < columns; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(i < cells.length ? cells[i] : ""));
    }
    out.append("\r\n");
  }

  /** One cell: quoted when it must be, formula-looking text defused; null is empty. */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
