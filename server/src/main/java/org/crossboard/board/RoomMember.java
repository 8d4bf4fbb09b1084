package org.crossboard.board;

import org.crossboard.access.Principal;
import org.crossboard.protocol.CloseCode;

/** What a room needs of a connection: who it is and a way to write to it. */
public interface RoomMember {
  String clientId();

  Principal principal();

  /** Writes one text frame (already encoded, possibly shared with other members). */
  void send(String frame);

  void close(CloseCode code, String reason);

  /** When this member last sent anything (epoch ms): keeps its presence alive. */
  long lastHeardAt();

  /** Stops reading this member's frames (the room is behind); TCP pushes back on the sender. */
  void pauseReading();

  void resumeReading();
}
