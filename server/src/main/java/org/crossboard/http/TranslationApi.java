package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.AccessService;
import org.crossboard.access.Action;
import org.crossboard.access.Caller;
import org.crossboard.access.Role;
import org.crossboard.audit.AuditLog;
import org.crossboard.board.BoardLoader;
import org.crossboard.board.PrivateRecords;
import org.crossboard.board.PropSpec;
import org.crossboard.error.CrossboardException;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Stores;
import org.crossboard.thread.Thread;
import org.crossboard.translation.SourceText;
import org.crossboard.translation.TranslationService;

/**
 * A board's texts in another language over REST (docs/API.md "Translations", SPEC.md N2–N6): what a
 * reader of one language is shown, and human translations written by editors. The texts are the
 * board's durable records as the caller may see them (never a private record of someone else, L5)
 * and its comments (none is on a private record, L5);
 * machine translations are asked for here, on a read, never while people type.
 */
final class TranslationApi {
  private final AccessService access;
  private final Stores stores;
  private final TranslationService translations;
  private final AuditLog audit;
  private final Api api;

  TranslationApi(AccessService access, Stores stores, TranslationService translations, AuditLog audit, Api api) {
    this.access = access;
    this.stores = stores;
    this.translations = translations;
    this.audit = audit;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/boards/:id/translations").handler(ctx -> api.authed(ctx, 200, caller ->
        language(ctx.queryParams().get("lang")).compose(lang ->
            access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_TRANSLATIONS).compose(s ->
                texts(caller, s).compose(texts -> translations.translations(s.value().id(), lang, texts))
                    .map(shown -> {
                      JsonArray out = new JsonArray();
                      shown.forEach(t -> out.add(t.toJson()));
                      return new JsonObject().put("lang", lang).put("engine", translations.engine())
                          .put("translations", out);
                    })))));
    router.put("/api/boards/:id/translations/:record/:prop/:lang").handler(ctx -> api.authed(ctx, 200,
        RequestBodies::translation, (caller, text) -> language(ctx.pathParam("lang")).compose(lang ->
            access.requireBoard(caller, ctx.pathParam("id"), Action.TRANSLATE)
                .compose(s -> putHuman(ctx, caller, s, lang, text)))));
  }

  /** Stores a human translation of the text named in the path, as it is now, and audits it (N3). */
  private Future<JsonObject> putHuman(RoutingContext ctx, Caller caller, AccessService.Scoped<BoardInfo> board,
      String lang, String text) {
    return original(ctx, caller, board).compose(original -> {
      if (lang.equals(original.lang())) {
        return Future.failedFuture(CrossboardException.invalid("lang is the language of the original"));
      }
      return translations.putHuman(board.value().id(), original, lang, text, caller.actor())
          .compose(shown -> audit.record(AuditLog.workspaceChain(board.value().workspace()), caller.actor(),
              "translation.set", board.value().id(), new JsonObject().put("record", original.record())
                  .put("prop", original.prop()).put("lang", lang), api.ip(ctx))
              .map(entry -> shown.toJson()));
    });
  }

  /** A language tag as records carry it (N1); {@code ERR_INVALID} otherwise. */
  private static Future<String> language(String tag) {
    return PropSpec.Language.isValid(tag) ? Future.succeededFuture(tag)
        : Future.failedFuture(CrossboardException.invalid("lang must be a BCP 47 language tag, e.g. pt or fr-CA"));
  }

  /**
   * The board's texts the caller may read: its current records' (without the private ones the
   * caller may not see, L5), then its comments' (N2).
   */
  private Future<List<SourceText>> texts(Caller caller, AccessService.Scoped<BoardInfo> board) {
    Future<JsonArray> records = visibleRecords(caller, board);
    Future<List<JsonObject>> threads = stores.threads().listForBoard(board.value().id());
    return Future.all(records, threads).map(all -> {
      List<SourceText> texts = new ArrayList<>(SourceText.all(records.result()));
      texts.addAll(SourceText.comments(threads.result().stream().map(Thread::fromJson).toList()));
      return texts;
    });
  }

  /** The board's current records, without the private ones the caller may not see (L5). */
  private Future<JsonArray> visibleRecords(Caller caller, AccessService.Scoped<BoardInfo> board) {
    PrivateRecords.Viewer viewer = new PrivateRecords.Viewer(caller.userId(), board.role().atLeast(Role.FACILITATOR));
    return BoardLoader.load(stores, board.value().id())
        .map(loaded -> PrivateRecords.records(loaded.state().toJson(), viewer));
  }

  /**
   * The text named in the path (a record's text or title, or a comment's body) as it is now; 404
   * when there is no such text for the caller.
   */
  private Future<SourceText> original(RoutingContext ctx, Caller caller, AccessService.Scoped<BoardInfo> board) {
    String id = ctx.pathParam("record");
    String prop = ctx.pathParam("prop");
    return texts(caller, board).compose(texts -> texts.stream()
        .filter(text -> text.record().equals(id) && text.prop().equals(prop))
        .findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(CrossboardException.notFound("no such text on this board"))));
  }
}
