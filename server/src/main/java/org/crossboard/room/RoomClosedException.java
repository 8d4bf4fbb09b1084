package org.crossboard.room;

/** The room closed while a join was in progress; the registry retries with a fresh room. */
final class RoomClosedException extends RuntimeException {
  RoomClosedException() {
    super("room closed", null, false, false);
  }
}
