package org.crossboard.board;

/** A hello named a board that does not exist. */
public final class BoardNotFoundException extends RuntimeException {
  public BoardNotFoundException(String board) {
    super("board not found: " + board, null, false, false);
  }
}
