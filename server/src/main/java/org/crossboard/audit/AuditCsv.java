package org.crossboard.audit;

import java.time.Instant;
import java.util.List;
import org.crossboard.export.Csv;
import org.crossboard.store.AuditEntry;

/** An audit chain as CSV ({@link Csv}: RFC 4180, formula-looking cells defused). */
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
      Csv.row(out, cells.length, cells);
    }
    return out.toString();
  }
}
