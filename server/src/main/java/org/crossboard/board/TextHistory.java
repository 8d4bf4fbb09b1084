package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a board state remembers of recent text writes, so that a splice written against an older
 * seq can be transformed over what other clients wrote since (SPEC.md T3, T5): every sequenced
 * splice, every whole-value write of a string prop, and every put or remove of a record, with the
 * seq and clientId that wrote it. Bounded: the oldest entries go first, and a splice whose base is
 * older than the oldest kept entry is no longer transformed (T5). Not thread-safe: owned by its
 * board state.
 */
final class TextHistory {
  /** At most this many entries are kept per board state. */
  static final int MAX_ENTRIES = 10_000;
  /** At most this many inserted characters are kept per board state. */
  static final int MAX_CHARS = 1_000_000;

  /**
   * One write: a splice of {@code prop}; a whole value of {@code prop} ({@code splice} null); or
   * the whole record, put or removed ({@code prop} and {@code splice} null).
   */
  private record Entry(long seq, String clientId, String recordId, String prop, Splice splice) {
    int chars() {
      return splice == null ? 0 : splice.insert().length();
    }

    boolean touches(String name) {
      return prop == null || prop.equals(name);
    }
  }

  private final ArrayDeque<Entry> order = new ArrayDeque<>();
  private final Map<String, ArrayDeque<Entry>> byRecord = new HashMap<>();
  private long floor;
  private int chars;

  /** @param floor the seq up to which nothing is known (the snapshot a state was loaded from) */
  TextHistory(long floor) {
    this.floor = floor;
  }

  TextHistory copy() {
    TextHistory copy = new TextHistory(floor);
    order.forEach(copy::add);
    return copy;
  }

  /** Remembers the text writes of a sequenced op's canonical changes. */
  void record(long seq, String clientId, JsonArray canonical) {
    for (int i = 0; i < canonical.size(); i++) {
      JsonObject change = canonical.getJsonObject(i);
      String op = change.getString("op");
      String id = change.getString("id");
      switch (op) {
        case "splice" -> add(new Entry(seq, clientId, id, change.getString("prop"),
            new Splice(change.getInteger("at"), change.getInteger("delete"), change.getString("insert", ""))));
        case "patch" -> change.getJsonObject("props").forEach(p -> {
          if ((p.getValue() == null || p.getValue() instanceof String) && !RecordTypes.STAMPED.contains(p.getKey())) {
            add(new Entry(seq, clientId, id, p.getKey(), null));
          }
        });
        case "put" -> add(new Entry(seq, clientId, change.getJsonObject("record").getString("id"), null, null));
        case "remove" -> add(new Entry(seq, clientId, id, null, null));
        default -> { }
      }
    }
    while (order.size() > MAX_ENTRIES || chars > MAX_CHARS) {
      Entry oldest = order.pollFirst();
      ArrayDeque<Entry> ofRecord = byRecord.get(oldest.recordId());
      ofRecord.pollFirst(); // per-record entries are in the same order as all of them
      if (ofRecord.isEmpty()) {
        byRecord.remove(oldest.recordId());
      }
      chars -= oldest.chars();
      floor = Math.max(floor, oldest.seq());
    }
  }

  private void add(Entry entry) {
    order.addLast(entry);
    byRecord.computeIfAbsent(entry.recordId(), k -> new ArrayDeque<>()).addLast(entry);
    chars += entry.chars();
  }

  /**
   * The splices of {@code prop} that clients other than {@code clientId} sequenced after
   * {@code base}, in seq order; null when that is not known: {@code base} is older than what is
   * remembered or newer than {@code seqNow}, or another client replaced the value (or the record)
   * since.
   */
  List<Splice> othersSince(String recordId, String prop, long base, long seqNow, String clientId) {
    if (base < floor || base > seqNow) {
      return null;
    }
    ArrayDeque<Entry> entries = byRecord.get(recordId);
    if (entries == null) {
      return List.of();
    }
    List<Splice> newestFirst = new ArrayList<>();
    for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.seq() <= base) {
        break;
      }
      if (!e.touches(prop) || e.clientId().equals(clientId)) {
        continue; // the client's own writes after base are already in what it wrote against (T4)
      }
      if (e.splice() == null) {
        return null;
      }
      newestFirst.add(e.splice());
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The seq up to which writes are no longer known. */
  long floor() {
    return floor;
  }

  int size() {
    return order.size();
  }
}
