package org.crossboard.audit;

import java.time.Instant;
import java.util.List;
import org.crossboard.store.AuditEntry;

/**
 * An audit chain as CSV (RFC 4180). Cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe, because names and board titles are user input.
 */
public final class AuditCsv {
  private static final String HEADER = "seq,at,actor_id,actor_name,action,target,details,ip,prev,hash";

  private AuditCsv() {}

  public static String of(List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (AuditEntry e : entries) {
      String[] cells = {Long.toString(e.seq()), Instant.ofEpochMilli(e.at()).toString(),
          e.actor() == null ? "" : e.actor().getString("id", ""),
          e.actor() == null ? "" : e.actor().getString("name", ""),
          e.action(), e.target(), e.details() == null ? "" : e.details().encode(), e.ip(), e.prev(), e.hash()};
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(cells[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static String cell(String value) {
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
