package org.crossboard.session;

import java.util.List;

/** What the session domain may ask of the board it runs on; the room answers from its board state. */
public interface BoardLookup {
  boolean exists(String recordId);

  /** The record's type ({@code frame}, {@code note}, …), or null if there is no such record. */
  String typeOf(String recordId);

  /** Ids of the records whose parent is the frame, in board order. */
  List<String> childrenOf(String frameId);
}
