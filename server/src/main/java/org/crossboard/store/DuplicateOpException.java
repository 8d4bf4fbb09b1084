package org.crossboard.store;

/**
 * An append hit a unique index: the seq or the (clientId, clientSeq) is already in the op log.
 * Another writer got there first; the room must reload before writing again.
 */
public final class DuplicateOpException extends RuntimeException {
  public DuplicateOpException(String message) {
    super(message, null, false, false);
  }
}
