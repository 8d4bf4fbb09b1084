package org.crossboard.room;

import org.crossboard.access.Principal;

/** A person's connection to a room, as features see it: who is there. Frames reach it through {@link RoomHandle}. */
public interface Member {
  /** The id the client chose for this page (kept across reconnects). */
  String clientId();

  /** Who the person is and their role on the board now (it may change while connected). */
  Principal principal();

  /** When this member last sent anything (epoch ms). */
  long lastHeardAt();
}
