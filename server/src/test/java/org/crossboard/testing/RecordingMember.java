package org.crossboard.testing;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.protocol.CloseCode;
import org.crossboard.room.RoomMember;

/**
 * A room member that records every frame the room writes to it, as the exact string written, so
 * tests can inspect all outbound traffic (and see which frames were encoded once and shared).
 */
public final class RecordingMember implements RoomMember {
  private final String clientId;
  private Principal principal;
  /** Written on the room's event loop, read by the test's thread: a list that can be read meanwhile. */
  public final List<String> frames = new CopyOnWriteArrayList<>();
  public CloseCode closed;
  public boolean paused;

  public RecordingMember(String clientId, String userId, Role role) {
    this.clientId = clientId;
    this.principal = Principal.of(userId, userId, role);
  }

  /** The person's role changes while connected (as a re-check would do). */
  public void setRole(Role role) {
    principal = principal.withRole(role);
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public long lastHeardAt() {
    return System.currentTimeMillis();
  }

  @Override
  public void send(String frame) {
    frames.add(frame);
  }

  @Override
  public void close(CloseCode code, String reason) {
    closed = code;
  }

  @Override
  public void pauseReading() {
    paused = true;
  }

  @Override
  public void resumeReading() {
    paused = false;
  }

  /** Every frame, parsed. */
  public List<JsonObject> parsed() {
    return frames.stream().map(JsonObject::new).toList();
  }

  /** Frames of one type. */
  public List<JsonObject> ofType(String t) {
    return parsed().stream().filter(f -> t.equals(f.getString("t"))).toList();
  }

  /** Batch frames that carry ops (not presence-only ones). */
  public List<JsonObject> opBatches() {
    return ofType("batch").stream().filter(f -> !f.getJsonArray("ops").isEmpty()).toList();
  }

  /** Whether any frame written to this member contains {@code text} anywhere. */
  public boolean everReceived(String text) {
    return frames.stream().anyMatch(f -> f.contains(text));
  }
}
