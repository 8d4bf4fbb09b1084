package org.crossboard.thread;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.access.Ids;
import org.crossboard.access.Principal;
import org.crossboard.board.PrivateRecords;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.room.Audience;
import org.crossboard.room.Member;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's comment threads on this node (SPEC.md K1–K8). Each change — a person's command, or a
 * thread's record removed or put back — is a {@link Step}, applied one at a time to a copy of its
 * thread, which is stored with compare-and-set on its version: whichever node a change arrives at,
 * the store orders it, and a node that loses the race reloads the thread and applies the step
 * again. Only then is the command answered, the thread sent to everyone (here, and on other nodes
 * after they reload it), and the people it concerns notified. Event-loop confined.
 */
final class ThreadRoom {
  /** Between nodes: a thread changed (reload it). */
  static final String CHANGED = "thread";
  private static final Logger LOG = LoggerFactory.getLogger(ThreadRoom.class);
  private static final int MAX_ATTEMPTS = 10;
  /** Comments (new threads and replies) one person may write per minute, on this node (K8). */
  static final int COMMENTS_PER_MINUTE = 20;

  /** A change to apply. */
  private sealed interface Step {}

  private record Command(Member from, String requestId, ThreadCommand command) implements Step {}

  /** The record {@code recordId} was removed ({@code removed}) or put again. */
  private record RecordEvent(String threadId, boolean removed) implements Step {}

  private final RoomHandle room;
  private final ThreadFeature.Dependencies deps;
  private final Notifier notifier;
  private final Map<String, Thread> threads = new LinkedHashMap<>();
  private final ArrayDeque<Step> queue = new ArrayDeque<>();
  private final Map<String, ArrayDeque<Long>> recentComments = new HashMap<>();
  private boolean loaded;
  private boolean writing;

  ThreadRoom(RoomHandle room, ThreadFeature.Dependencies deps, Notifier notifier) {
    this.room = room;
    this.deps = deps;
    this.notifier = notifier;
  }

  void open() {
    deps.threads().listForBoard(room.boardId()).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("threads of board {} could not be loaded; retrying", room.boardId(), ar.cause());
        room.setTimer(1_000, t -> open());
        return;
      }
      ar.result().forEach(doc -> threads.put(doc.getString("_id"), Thread.fromJson(doc)));
      loaded = true;
      if (!threads.isEmpty()) { // members welcomed while loading got none; an empty board has no news
        room.broadcast(new JsonObject().put("t", "threads").put("threads", views()), Audience.EVERYONE);
      }
      drain();
    });
  }

  /** Every thread of the board, as clients see them. */
  JsonArray views() {
    JsonArray out = new JsonArray();
    threads.values().forEach(t -> out.add(t.view()));
    return out;
  }

  void submit(Member from, String requestId, ThreadCommand command) {
    queue.add(new Command(from, requestId, command));
    drain();
  }

  /**
   * Durable ops written here (K2): a removed record orphans the threads anchored to it; a record
   * put again (an undone removal) takes them back.
   */
  void recordsChanged(List<Op> ops) {
    for (Op op : ops) {
      for (Object c : op.changes()) {
        JsonObject change = (JsonObject) c;
        String op1 = change.getString("op");
        String id = "put".equals(op1) ? change.getJsonObject("record").getString("id")
            : "remove".equals(op1) ? change.getString("id") : null;
        if (id == null) {
          continue;
        }
        for (Thread t : threads.values()) {
          if ("record".equals(t.anchor().kind()) && id.equals(t.anchor().record())
              && t.orphaned() == "put".equals(op1)) {
            queue.add(new RecordEvent(t.id(), "remove".equals(op1)));
          }
        }
      }
    }
    drain();
  }

  /** Another node stored a change to a thread: reload it and show it. */
  void changedElsewhere(JsonObject body) {
    String id = body.getString("id");
    Thread known = threads.get(id);
    if (known != null && known.version() >= body.getLong("version", 0L)) {
      return;
    }
    deps.threads().get(id).onSuccess(doc -> {
      if (doc != null) {
        adopt(Thread.fromJson(doc));
      }
    }).onFailure(e -> LOG.warn("thread {} could not be reloaded", id, e));
  }

  private void adopt(Thread fresh) {
    Thread known = threads.get(fresh.id());
    if (known == null || fresh.version() > known.version()) {
      threads.put(fresh.id(), fresh);
      room.broadcast(frame(fresh), Audience.EVERYONE);
    }
  }

  private static JsonObject frame(Thread t) {
    return new JsonObject().put("t", "thread").put("thread", t.view());
  }

  // ---- applying steps ----------------------------------------------------------------------

  private void drain() {
    if (writing || !loaded || queue.isEmpty()) {
      return;
    }
    writing = true;
    Step step = queue.poll();
    Future<Void> done;
    try {
      done = step instanceof Command c ? command(c, 1) : recordEvent((RecordEvent) step, 1);
    } catch (CrossboardException refused) {
      done = Future.failedFuture(refused);
    } catch (RuntimeException bug) { // one faulty step must not stop the room's threads for good
      LOG.error("thread step failed on board {}", room.boardId(), bug);
      done = Future.failedFuture(new CrossboardException(ErrorCode.ERR_INTERNAL, "internal error"));
    }
    done.onComplete(ar -> {
      if (ar.failed() && step instanceof Command c) {
        CrossboardException e = ar.cause() instanceof CrossboardException ce ? ce
            : new CrossboardException(ErrorCode.ERR_UNAVAILABLE, "the comment could not be stored; send again");
        room.send(c.from(), ServerMessages.error(c.requestId(), e.code(), e.getMessage(), null));
      } else if (ar.failed()) {
        LOG.warn("thread anchor change on board {} not stored", room.boardId(), ar.cause());
      }
      writing = false;
      drain();
    });
  }

  private Future<Void> command(Command c, int attempt) {
    Actor actor = actor(c.from().principal());
    long now = System.currentTimeMillis();
    if (c.command() instanceof ThreadCommand.Create create) {
      if (create.anchor().record() != null
          && PrivateRecords.markOf(room.record(create.anchor().record())) != null) {
        // a thread is everyone's: on a note others may not see yet it would tell them of it (L5)
        throw new CrossboardException(ErrorCode.ERR_PRIVATE_MODE,
            "this note is private until the facilitator reveals it; comment on it then");
      }
      admitComment(actor.userId(), now);
      Thread created = Thread.create("t" + Ids.random(deps.random(), 21), room.boardId(),
          c.from().principal().workspace(), create, actor, "m" + Ids.random(deps.random(), 21), now);
      created.version(1);
      return deps.threads().insert(created.toJson()).map(v -> {
        stored(created, c, created.comments().get(0).id(), true, List.of());
        return (Void) null;
      }).recover(e -> e instanceof DuplicateKeyException && attempt < MAX_ATTEMPTS ? command(c, attempt + 1)
          : Future.failedFuture(e));
    }
    Thread known = threads.get(c.command().threadId());
    if (known == null) {
      throw CrossboardException.notFound("no such thread on this board");
    }
    if (c.command() instanceof ThreadCommand.Reply) {
      admitComment(actor.userId(), now);
    }
    Thread working = known.copy();
    ThreadOutcome outcome = ThreadRules.apply(working, c.command(), actor, now, "m" + Ids.random(deps.random(), 21));
    if (!outcome.changed()) {
      room.send(c.from(), ok(c, working, outcome.commentId()));
      return Future.succeededFuture();
    }
    return store(known, working).compose(stored -> {
      if (stored) {
        stored(working, c, outcome.commentId(), outcome.notifies(), outcome.newMentions());
        return Future.succeededFuture();
      }
      return attempt < MAX_ATTEMPTS ? reload(known.id()).compose(v -> command(c, attempt + 1))
          : Future.failedFuture(new CrossboardException(ErrorCode.ERR_UNAVAILABLE, "busy thread; send again"));
    });
  }

  private Future<Void> recordEvent(RecordEvent e, int attempt) {
    Thread known = threads.get(e.threadId());
    if (known == null) {
      return Future.succeededFuture();
    }
    Thread working = known.copy();
    boolean changed = e.removed() ? ThreadRules.orphan(working) : ThreadRules.reattach(working);
    if (!changed) {
      return Future.succeededFuture();
    }
    return store(known, working).compose(stored -> {
      if (stored) {
        shown(working);
        return Future.succeededFuture();
      }
      return attempt < MAX_ATTEMPTS ? reload(known.id()).compose(v -> recordEvent(e, attempt + 1))
          : Future.failedFuture(new IllegalStateException("thread " + known.id() + " kept changing"));
    });
  }

  /** Compare-and-set of the changed copy over the version it was made from. */
  private Future<Boolean> store(Thread known, Thread working) {
    working.version(known.version() + 1);
    return deps.threads().replace(working.toJson(), known.version());
  }

  private Future<Void> reload(String threadId) {
    return deps.threads().get(threadId).map(doc -> {
      if (doc != null) {
        adopt(Thread.fromJson(doc));
      }
      return null;
    });
  }

  /** The change is stored: answered, shown everywhere, and the people it concerns notified. */
  private void stored(Thread t, Command c, String commentId, boolean notifies, List<Mention> newMentions) {
    room.send(c.from(), ok(c, t, commentId));
    shown(t);
    if (notifies && commentId != null) {
      notifier.commented(room, t, commentId, c.command() instanceof ThreadCommand.Edit ? newMentions : null);
    }
  }

  private void shown(Thread t) {
    threads.put(t.id(), t);
    room.broadcast(frame(t), Audience.EVERYONE);
    room.publish(CHANGED, new JsonObject().put("id", t.id()).put("version", t.version()));
  }

  private static JsonObject ok(Command c, Thread t, String commentId) {
    JsonObject ok = new JsonObject().put("t", "thread.ok").put("id", c.requestId()).put("thread", t.id());
    return commentId == null ? ok : ok.put("comment", commentId);
  }

  /** K8: at most {@link #COMMENTS_PER_MINUTE} comments a minute per person (on this node). */
  private void admitComment(String userId, long now) {
    ArrayDeque<Long> recent = recentComments.computeIfAbsent(userId, u -> new ArrayDeque<>());
    while (!recent.isEmpty() && recent.peekFirst() <= now - 60_000) {
      recent.pollFirst();
    }
    if (recent.size() >= COMMENTS_PER_MINUTE) {
      long seconds = Math.max(1, (recent.peekFirst() + 60_000 - now + 999) / 1000);
      throw CrossboardException.retryAfter(ErrorCode.ERR_THROTTLED,
          "at most " + COMMENTS_PER_MINUTE + " comments a minute; try again in " + seconds + " s", seconds);
    }
    recent.addLast(now);
  }

  static Actor actor(Principal p) {
    return new Actor(p.userId(), p.name(), p.role(), p.guest());
  }
}
