package org.crossboard.room;

import org.crossboard.protocol.CloseCode;

/**
 * What the room core needs of a connection beyond {@link Member}: writing frames, closing and
 * flow control. Features never see these; everything they send goes through the room's outbox.
 */
public interface RoomMember extends Member {
  /**
   * Writes one text frame (already encoded, possibly shared with other members). Never throws: a
   * socket that cannot take the frame closes itself.
   */
  void send(String frame);

  void close(CloseCode code, String reason);

  /** Stops reading this member's frames (the room is behind); TCP pushes back on the sender. */
  void pauseReading();

  void resumeReading();
}
