package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Translations of board texts (SPEC.md N2–N4): per (board, record, prop, lang) at most one human
 * translation and one machine translation, each with the hash of the original it translates
 * ({@code basedOn}). Machine translations are the cache that keeps a text version from being sent
 * to the engine twice; human ones are people's work and replace only each other.
 */
public interface TranslationStore {

  /** Every translation of the board's texts into {@code lang}, human and machine, in no set order. */
  Future<List<StoredTranslation>> forBoard(String boardId, String lang);

  /** Stores a human translation, replacing the human one of its (board, record, prop, lang). */
  Future<Void> putHuman(StoredTranslation translation);

  /**
   * Stores a machine translation, replacing the machine one of its (board, record, prop, lang) —
   * unless a human one of that text version (same {@code basedOn}) is stored: then nothing is
   * stored and the answer is false. (Readers prefer a human translation of the current version
   * anyway, so a human one stored at the same moment wins whichever write lands last.)
   */
  Future<Boolean> putMachine(StoredTranslation translation);

  /** Removes every translation of the board (the board is deleted). */
  Future<Void> deleteBoard(String boardId);
}
