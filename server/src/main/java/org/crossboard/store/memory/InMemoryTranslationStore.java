package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.store.StoredTranslation;
import org.crossboard.store.TranslationStore;

/** Translations in memory, keyed as in MongoDB; every method holds the store's lock (two nodes may share it). */
public final class InMemoryTranslationStore implements TranslationStore {
  private final Map<String, StoredTranslation> translations = new LinkedHashMap<>();

  @Override
  public synchronized Future<List<StoredTranslation>> forBoard(String boardId, String lang) {
    return Future.succeededFuture(translations.values().stream()
        .filter(t -> t.board().equals(boardId) && t.lang().equals(lang)).toList());
  }

  @Override
  public synchronized Future<Void> putHuman(StoredTranslation translation) {
    translations.put(translation.id(), translation);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Boolean> putMachine(StoredTranslation t) {
    StoredTranslation human = translations.get(StoredTranslation.key(StoredTranslation.HUMAN, t.board(), t.record(),
        t.prop(), t.lang()));
    if (human != null && human.basedOn().equals(t.basedOn())) {
      return Future.succeededFuture(false);
    }
    translations.put(t.id(), t);
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> deleteBoard(String boardId) {
    translations.values().removeIf(t -> t.board().equals(boardId));
    return Future.succeededFuture();
  }
}
