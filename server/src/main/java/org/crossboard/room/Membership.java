package org.crossboard.room;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in one room: one member per clientId, in join order. Broadcasts iterate a snapshot that is
 * rebuilt only when someone joins or leaves, so a member closing during a broadcast cannot disturb it
 * and a busy room does not copy its member list for every frame. Event-loop confined.
 */
final class Membership {
  private final Map<String, RoomMember> byClientId = new LinkedHashMap<>();
  private List<RoomMember> snapshot = List.of();

  /** Adds the member; returns the member it replaces (same clientId), or null (SPEC.md P7). */
  RoomMember admit(RoomMember member) {
    RoomMember previous = byClientId.put(member.clientId(), member);
    snapshot = null;
    return previous == member ? null : previous;
  }

  /** The member holding {@code clientId}, or null. */
  RoomMember holder(String clientId) {
    return byClientId.get(clientId);
  }

  /** Removes the member if it is still the one holding its clientId. */
  boolean remove(RoomMember member) {
    boolean removed = byClientId.remove(member.clientId(), member);
    if (removed) {
      snapshot = null;
    }
    return removed;
  }

  /** Whether {@code member} is in the room (not left, not replaced). */
  boolean isCurrent(Member member) {
    return byClientId.get(member.clientId()) == member;
  }

  /** Everyone, in join order: an unmodifiable snapshot. */
  List<RoomMember> all() {
    if (snapshot == null) {
      snapshot = List.copyOf(byClientId.values());
    }
    return snapshot;
  }

  /** Removes everyone; returns who was there. */
  List<RoomMember> clear() {
    List<RoomMember> all = all();
    byClientId.clear();
    snapshot = List.of();
    return all;
  }

  boolean isEmpty() {
    return byClientId.isEmpty();
  }
}
