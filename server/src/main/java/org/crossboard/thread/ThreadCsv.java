package org.crossboard.thread;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.crossboard.export.Csv;

/**
 * Threads as CSV for spreadsheets (SPEC.md K9): one row per comment, thread columns repeated on
 * each. A removed comment keeps its row (who wrote it, who removed it) without its text.
 */
public final class ThreadCsv {
  static final String[] HEADER = {"thread", "kind", "state", "anchor", "orphaned", "comment", "author", "author_id",
      "badge", "created", "edited", "removed_by", "body", "lang", "link", "mentions", "reactions"};

  private ThreadCsv() {}

  public static String of(List<Thread> threads) {
    StringBuilder out = new StringBuilder();
    Csv.row(out, HEADER.length, HEADER);
    for (Thread t : threads) {
      for (Comment c : t.comments()) {
        Csv.row(out, HEADER.length, t.id(), t.kind(), t.resolved() ? Thread.RESOLVED : Thread.OPEN, anchor(t.anchor()),
            Boolean.toString(t.orphaned()), c.id(), c.author().name(), c.author().id(), c.author().badge(),
            time(c.createdAt()), c.editedAt() == null ? "" : time(c.editedAt()),
            c.isRemoved() ? c.removed().by().name() : "", c.body(), c.lang(), c.link(),
            c.mentions().stream().map(m -> m.user() != null ? "user:" + m.user() : "group:" + m.group())
                .collect(Collectors.joining(" ")),
            c.reactions().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().size())
                .collect(Collectors.joining(" ")));
      }
    }
    return out.toString();
  }

  /** {@code record:<id>}, {@code point:x,y} or {@code region:x,y,w,h}. */
  private static String anchor(Anchor a) {
    if (a.onRecord()) {
      return "record:" + a.record();
    }
    String xy = a.x() + "," + a.y();
    return Anchor.POINT.equals(a.kind()) ? "point:" + xy : "region:" + xy + "," + a.w() + "," + a.h();
  }

  private static String time(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
