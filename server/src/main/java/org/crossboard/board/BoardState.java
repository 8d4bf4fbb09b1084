package org.crossboard.board;

import org.crossboard.error.CrossboardException;
import org.crossboard.access.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The records of one board at one seq. Not thread-safe: owned by its room's event loop. */
public final class BoardState implements RecordView {
  private final Map<String, JsonObject> records = new LinkedHashMap<>();

  /** A new board: only the board's own record. */
  public static BoardState initial(String title) {
    BoardState state = new BoardState();
    JsonObject board = new JsonObject().put("id", RecordTypes.BOARD_RECORD_ID).put("type", "board");
    if (title != null) {
      board.put("title", title);
    }
    state.records.put(RecordTypes.BOARD_RECORD_ID, board);
    return state;
  }

  /** A state holding copies of the given records (a snapshot's). */
  public static BoardState of(JsonArray records) {
    BoardState state = new BoardState();
    for (int i = 0; i < records.size(); i++) {
      JsonObject record = records.getJsonObject(i);
      state.records.put(record.getString("id"), record.copy());
    }
    return state;
  }

  /** Applies canonical changes from the op log verbatim. */
  public void applyCanonical(JsonArray changes) {
    CanonicalChanges.applyAll(this, changes);
  }

  /**
   * Validates client changes against this state, following {@code types}, and, if all are valid,
   * applies them.
   *
   * @return the canonical changes to sequence (stamped, cascades expanded)
   * @throws org.crossboard.error.CrossboardException when any change is invalid; then nothing changed
   */
  public JsonArray applyClientChanges(RecordTypes types, JsonArray changes, Principal user, long now) {
    StagedChanges staged = new StagedChanges(this);
    JsonArray canonical = new ChangeValidator(types, staged, user, now).validate(changes);
    staged.commitInto(records);
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
