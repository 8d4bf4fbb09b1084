package org.crossboard.translation;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.crossboard.store.StoredTranslation;
import org.crossboard.store.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A board's texts in a reader's language (SPEC.md N2–N5). For each original text: the human
 * translation of its current version; else the stale human one, if an older version has one, and
 * the machine translation of the current version — from the store, or asked of the
 * {@link Translator} (when there is one), at most {@code maxConcurrent} at a time and each text
 * version once: requests are shared by (version, source language, target language) while they run
 * and remembered after. A reader waits up to {@code waitMs} for what was asked; what is not ready by
 * then is listed {@code pending}, and is stored when it arrives for the next read.
 *
 * <p>Only REST reads call this, never the edit path: typing costs nothing here.
 */
public final class TranslationService {
  public static final int DEFAULT_MAX_CONCURRENT = 4;
  public static final long DEFAULT_WAIT_MS = 5_000;
  /** After a failure the same text version is not asked again for this long (the engine is down or refuses it). */
  static final long RETRY_AFTER_MS = 30_000;
  /** How many finished requests are remembered (by version and languages) beyond the store. */
  private static final int REMEMBERED = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(TranslationService.class);

  private final Vertx vertx;
  private final TranslationStore store;
  private final Translator translator;
  private final int maxConcurrent;
  private final long waitMs;
  /** Requests by (version, source, target): running, or finished and remembered. Guarded by {@code this}. */
  private final Map<String, Asked> asked = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
      return size() > REMEMBERED && eldest.getValue().future.isComplete();
    }
  };
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  /** @param translator null: no machine translation */
  public TranslationService(Vertx vertx, TranslationStore store, Translator translator) {
    this(vertx, store, translator, DEFAULT_MAX_CONCURRENT, DEFAULT_WAIT_MS);
  }

  public TranslationService(Vertx vertx, TranslationStore store, Translator translator, int maxConcurrent,
      long waitMs) {
    this.vertx = vertx;
    this.store = store;
    this.translator = translator;
    this.maxConcurrent = maxConcurrent;
    this.waitMs = waitMs;
  }

  /** The machine translation engine's name, or null when there is none. */
  public String engine() {
    return translator == null ? null : translator.engine();
  }

  /**
   * What a reader of {@code lang} is shown for {@code texts} (the board's current texts the reader
   * may see), in their order; texts whose record is written in {@code lang} are left out.
   */
  public Future<List<Shown>> translations(String boardId, String lang, List<SourceText> texts) {
    return store.forBoard(boardId, lang).compose(stored -> {
      Map<String, StoredTranslation> byKey = new HashMap<>();
      stored.forEach(t -> byKey.put(t.id(), t));
      List<Object> slots = new ArrayList<>(); // a Shown, or a Requested still to be settled
      List<Future<Translation>> requests = new ArrayList<>();
      for (SourceText text : texts) {
        if (lang.equals(text.lang())) {
          continue;
        }
        String version = text.version();
        StoredTranslation human = byKey.get(StoredTranslation.key(StoredTranslation.HUMAN, boardId, text.record(),
            text.prop(), lang));
        if (human != null && human.basedOn().equals(version)) {
          slots.add(Shown.of(human, false));
          continue;
        }
        if (human != null) {
          slots.add(Shown.of(human, true)); // N4: kept, marked stale, until someone updates it
        }
        StoredTranslation machine = byKey.get(StoredTranslation.key(StoredTranslation.MACHINE, boardId,
            text.record(), text.prop(), lang));
        if (machine != null && machine.basedOn().equals(version)) {
          slots.add(Shown.of(machine, false));
        } else if (translator != null) {
          Future<Translation> request = machineTranslation(boardId, text, version, lang);
          requests.add(request);
          slots.add(new Requested(text, lang, request));
        }
      }
      return settled(requests).map(v -> {
        List<Shown> shown = new ArrayList<>(slots.size());
        for (Object slot : slots) {
          if (slot instanceof Shown s) {
            shown.add(s);
          } else if (slot instanceof Requested r) {
            Shown s = r.shown(translator.engine());
            if (s != null) {
              shown.add(s);
            }
          }
        }
        return shown;
      });
    });
  }

  /** Stores a human translation of {@code original} as it is now (N3: it wins over any machine one). */
  public Future<Shown> putHuman(String boardId, SourceText original, String lang, String text, JsonObject by) {
    StoredTranslation human = new StoredTranslation(boardId, original.record(), original.prop(), lang, text,
        StoredTranslation.HUMAN, null, null, by, original.version(), System.currentTimeMillis());
    return store.putHuman(human).map(v -> Shown.of(human, false));
  }

  /** Completes when every request has finished or {@code waitMs} has passed, whichever comes first. */
  private Future<Void> settled(List<Future<Translation>> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(waitMs, t -> done.tryComplete());
    Future.join(requests).onComplete(r -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  /** The engine's translation of {@code text}'s version, stored for its record when it arrives. */
  private Future<Translation> machineTranslation(String boardId, SourceText text, String version, String lang) {
    String source = text.lang() == null ? Translator.AUTO : text.lang();
    Future<Translation> request = request(version, text.text(), source, lang);
    return request.compose(t -> store.putMachine(new StoredTranslation(boardId, text.record(), text.prop(), lang,
            t.text(), StoredTranslation.MACHINE, translator.engine(), from(text, t), null, version,
            System.currentTimeMillis()))
        .otherwise(e -> {
          LOG.warn("a machine translation of a record of board {} could not be stored", boardId, e);
          return false;
        })
        .map(stored -> t))
        .onFailure(e -> LOG.debug("no machine translation into {} for a record of board {}: {}", lang, boardId,
            e.getMessage()));
  }

  /** The one request for this version and pair of languages: running, remembered, or started now. */
  private Future<Translation> request(String version, String text, String source, String target) {
    String key = version + "|" + source + "|" + target;
    Promise<Translation> promise;
    synchronized (this) {
      Asked earlier = asked.get(key);
      if (earlier != null && !earlier.expired()) {
        return earlier.future;
      }
      promise = Promise.promise();
      Asked now = new Asked(promise.future());
      asked.put(key, now);
      waiting.add(() -> translator.translate(text, source, target).onComplete(r -> {
        if (r.failed()) {
          now.failedAt = System.currentTimeMillis();
        }
        promise.handle(r);
        finished();
      }));
    }
    startWaiting();
    return promise.future();
  }

  private void finished() {
    synchronized (this) {
      running--;
    }
    startWaiting();
  }

  private void startWaiting() {
    List<Runnable> start = new ArrayList<>();
    synchronized (this) {
      while (running < maxConcurrent && !waiting.isEmpty()) {
        running++;
        start.add(waiting.poll());
      }
    }
    start.forEach(Runnable::run);
  }

  private static String from(SourceText text, Translation t) {
    return text.lang() != null ? text.lang() : t.detectedLanguage();
  }

  /** A request and, once it failed, when. */
  private static final class Asked {
    final Future<Translation> future;
    volatile long failedAt;

    Asked(Future<Translation> future) {
      this.future = future;
    }

    boolean expired() {
      return future.failed() && System.currentTimeMillis() - failedAt >= RETRY_AFTER_MS;
    }
  }

  /** A text a reader asked for and its request, settled into what they are shown. */
  private record Requested(SourceText text, String lang, Future<Translation> request) {
    /** The machine translation, pending when not here yet, null when it failed. */
    Shown shown(String engine) {
      if (!request.isComplete()) {
        return new Shown(text.record(), text.prop(), lang, null, StoredTranslation.MACHINE, engine, text.lang(), null,
            false, true);
      }
      if (request.failed()) {
        return null;
      }
      Translation t = request.result();
      return new Shown(text.record(), text.prop(), lang, t.text(), StoredTranslation.MACHINE, engine, from(text, t),
          null, false, false);
    }
  }

  /**
   * One translation as a reader gets it ({@code GET /api/boards/:id/translations}).
   *
   * @param text null while pending
   * @param stale a human translation of an earlier version of the original
   * @param pending a machine translation asked for and not here yet
   */
  public record Shown(String record, String prop, String lang, String text, String source, String engine, String from,
      JsonObject by, boolean stale, boolean pending) {

    static Shown of(StoredTranslation t, boolean stale) {
      return new Shown(t.record(), t.prop(), t.lang(), t.text(), t.source(), t.engine(), t.from(), t.by(), stale,
          false);
    }

    /** {@code {record, prop, lang, text?, source, engine?, from?, by?, stale, pending?}}. */
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("record", record).put("prop", prop).put("lang", lang);
      if (text != null) {
        json.put("text", text);
      }
      json.put("source", source);
      if (engine != null) {
        json.put("engine", engine);
      }
      if (from != null) {
        json.put("from", from);
      }
      if (by != null) {
        json.put("by", by.copy());
      }
      json.put("stale", stale);
      return pending ? json.put("pending", true) : json;
    }
  }
}
