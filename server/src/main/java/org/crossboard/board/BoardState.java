package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.crossboard.access.Principal;
import org.crossboard.store.Op;

/**
 * The records of one board at one seq, and the recent text writes that splices written against an
 * older seq are transformed over (SPEC.md T3). Not thread-safe: owned by its room's event loop.
 */
public final class BoardState implements RecordView {
  private final Map<String, JsonObject> records = new LinkedHashMap<>();
  private final TextHistory history;
  private long seq;

  private BoardState(long seq, TextHistory history) {
    this.seq = seq;
    this.history = history;
  }

  /** A new board: only the board's own record. */
  public static BoardState initial(String title) {
    BoardState state = new BoardState(0, new TextHistory(0));
    JsonObject board = new JsonObject().put("id", RecordTypes.BOARD_RECORD_ID).put("type", "board");
    if (title != null) {
      board.put("title", title);
    }
    state.records.put(RecordTypes.BOARD_RECORD_ID, board);
    return state;
  }

  /**
   * A state holding copies of the given records (a snapshot's) at {@code seq}; it knows no text
   * writes before that seq.
   */
  public static BoardState of(JsonArray records, long seq) {
    BoardState state = new BoardState(seq, new TextHistory(seq));
    for (int i = 0; i < records.size(); i++) {
      JsonObject record = records.getJsonObject(i);
      state.records.put(record.getString("id"), record.copy());
    }
    return state;
  }

  /** A deep copy: records and remembered text writes. */
  public BoardState copy() {
    BoardState copy = new BoardState(seq, history.copy());
    records.forEach((id, record) -> copy.records.put(id, record.copy()));
    return copy;
  }

  /** What it remembers of recent text writes (tests). */
  TextHistory history() {
    return history;
  }

  /** The seq of the newest op applied. */
  public long seq() {
    return seq;
  }

  /** Applies a sequenced op's canonical changes verbatim. */
  public void applyOp(Op op) {
    applyCanonical(op.seq(), op.clientId(), op.changes());
  }

  /** Applies canonical changes, sequenced as {@code seq} under {@code clientId}, verbatim. */
  public void applyCanonical(long opSeq, String clientId, JsonArray changes) {
    CanonicalChanges.applyAll(this, changes);
    history.record(opSeq, clientId, changes);
    seq = opSeq;
  }

  /**
   * Validates client changes against this state, following {@code types}, and, if all are valid,
   * applies them as op {@code opSeq}.
   *
   * @param clientId the client that sent them: its own earlier writes are not transformed over (T4)
   * @param policy the room's say over each change (SPEC.md L4, L5)
   * @return the canonical changes to sequence (stamped, cascades expanded, splices transformed)
   * @throws org.crossboard.error.CrossboardException when any change is invalid; then nothing changed
   */
  public JsonArray applyClientChanges(RecordTypes types, ChangePolicy policy, JsonArray changes, Principal user,
      String clientId, long opSeq, long now) {
    StagedChanges staged = new StagedChanges(this);
    SpliceMerger merger = new SpliceMerger(history, seq, clientId);
    JsonArray canonical = new ChangeValidator(types, staged, user, now, merger, policy).validate(changes);
    staged.commitInto(records);
    history.record(opSeq, clientId, canonical);
    seq = opSeq;
    return canonical;
  }

  /** Deep copies of all records, sorted by id so equal states encode identically. */
  public JsonArray toJson() {
    JsonArray out = new JsonArray();
    new TreeMap<>(records).values().forEach(r -> out.add(r.copy()));
    return out;
  }

  public int size() {
    return records.size();
  }

  /** Title of the board record, or null. */
  public String title() {
    JsonObject board = records.get(RecordTypes.BOARD_RECORD_ID);
    return board == null ? null : board.getString("title");
  }

  @Override
  public JsonObject get(String id) {
    return records.get(id);
  }

  @Override
  public JsonObject mutable(String id) {
    return records.get(id);
  }

  @Override
  public void put(String id, JsonObject record) {
    records.put(id, record);
  }

  @Override
  public void remove(String id) {
    records.remove(id);
  }

  @Override
  public Iterable<JsonObject> all() {
    return records.values();
  }
}
