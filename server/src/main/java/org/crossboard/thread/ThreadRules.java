package org.crossboard.thread;

import java.util.List;
import java.util.Objects;
import org.crossboard.error.CrossboardException;

/**
 * Applies thread commands and record events to a {@link Thread} (docs/COMMENTS.md "Who may do
 * what"). Pure: the caller passes the time and new ids, stores the thread when the outcome says it
 * changed, and sends and notifies from the outcome.
 */
public final class ThreadRules {
  /** SPEC.md K5: the reactions there are, in the order clients show them. */
  public static final List<String> REACTIONS = List.of("+1", "heart", "tada", "thinking", "eyes", "check");
  /** SPEC.md K8: comments a thread holds (tombstones count: they stay in the document). */
  public static final int MAX_COMMENTS = 200;

  private ThreadRules() {}

  /**
   * Applies a command other than {@link ThreadCommand.Create} (that is {@link Thread#create}).
   * Refuses with {@code ERR_FORBIDDEN} what the actor may not do, {@code ERR_NOT_FOUND} for a
   * comment the thread does not have (or a removed one, for edits and reactions),
   * {@code ERR_INVALID} for a reply past {@value #MAX_COMMENTS} comments, an unknown reaction, a move
   * of a record anchor or an edit that takes a reference's link away. A refused command changes
   * nothing.
   */
  public static ThreadOutcome apply(Thread t, ThreadCommand cmd, Actor actor, long now, String newCommentId) {
    if (cmd instanceof ThreadCommand.Reply reply) {
      return reply(t, reply, actor, now, newCommentId);
    }
    if (cmd instanceof ThreadCommand.Edit edit) {
      return edit(t, edit, actor, now);
    }
    if (cmd instanceof ThreadCommand.Remove remove) {
      return remove(t, remove, actor, now);
    }
    if (cmd instanceof ThreadCommand.Resolve resolve) {
      return resolve(t, resolve, actor, now);
    }
    if (cmd instanceof ThreadCommand.React react) {
      return react(t, react, actor);
    }
    if (cmd instanceof ThreadCommand.Move move) {
      return move(t, move, actor);
    }
    throw CrossboardException.invalid(cmd.type() + " is not applied to an existing thread");
  }

  /** The record the thread is anchored to was removed: keep the thread, mark it orphaned (SPEC.md K2). */
  public static boolean orphan(Thread t) {
    if (!t.anchor().onRecord() || t.orphaned()) {
      return false;
    }
    t.orphaned(true);
    return true;
  }

  /** A record with the anchor's id was put again (an undone removal): re-attach (SPEC.md K2). */
  public static boolean reattach(Thread t) {
    if (!t.orphaned()) {
      return false;
    }
    t.orphaned(false);
    return true;
  }

  /** SPEC.md K3, K8. */
  private static ThreadOutcome reply(Thread t, ThreadCommand.Reply cmd, Actor actor, long now, String commentId) {
    requireCommenter(actor, "replying");
    if (t.comments.size() >= MAX_COMMENTS) {
      throw CrossboardException.invalid("a thread holds at most " + MAX_COMMENTS + " comments");
    }
    t.comments.add(Comment.create(commentId, actor.author(), cmd.body(), cmd.lang(), cmd.link(), cmd.mentions(), now));
    return ThreadOutcome.notifying(commentId, cmd.mentions());
  }

  /** SPEC.md K3: the author only; the old body goes into the history; new mentions notify. */
  private static ThreadOutcome edit(Thread t, ThreadCommand.Edit cmd, Actor actor, long now) {
    requireCommenter(actor, "editing");
    Comment c = liveComment(t, cmd.commentId());
    if (!c.author().id().equals(actor.userId())) {
      throw CrossboardException.forbidden("only its author may edit a comment");
    }
    if (Thread.REFERENCE.equals(t.kind()) && isFirst(t, c) && cmd.link() == null) {
      throw CrossboardException.invalid("link is required for a reference");
    }
    String lang = cmd.lang() != null ? cmd.lang() : c.lang();
    if (c.body().equals(cmd.body()) && Objects.equals(c.lang(), lang) && Objects.equals(c.link(), cmd.link())
        && c.mentions().equals(cmd.mentions())) {
      return ThreadOutcome.unchanged(c.id());
    }
    t.put(c.edit(cmd.body(), lang, cmd.link(), cmd.mentions(), now));
    List<Mention> added = cmd.mentions().stream().filter(m -> !c.mentions().contains(m)).toList();
    return added.isEmpty() ? ThreadOutcome.changed(c.id()) : ThreadOutcome.notifying(c.id(), added);
  }

  /**
   * SPEC.md K3: its author (whatever their role now: taking back one's own words needs no right)
   * or a facilitator; the comment becomes a tombstone.
   */
  private static ThreadOutcome remove(Thread t, ThreadCommand.Remove cmd, Actor actor, long now) {
    Comment c = t.comment(cmd.commentId());
    if (c == null) {
      throw CrossboardException.notFound("no such comment");
    }
    if (!c.author().id().equals(actor.userId()) && !actor.facilitator()) {
      throw CrossboardException.forbidden("only its author or a facilitator may remove a comment");
    }
    if (c.isRemoved()) {
      return ThreadOutcome.unchanged(c.id());
    }
    t.put(c.remove(actor.author(), now));
    return ThreadOutcome.changed(c.id());
  }

  /** SPEC.md K4: its creator, or editors and up. */
  private static ThreadOutcome resolve(Thread t, ThreadCommand.Resolve cmd, Actor actor, long now) {
    requireCreatorOrEditor(t, actor, "resolve or reopen");
    if (t.resolved() == cmd.resolved()) {
      return ThreadOutcome.unchanged(null);
    }
    t.resolvedBy = cmd.resolved() ? actor.author() : null;
    t.resolvedAt = cmd.resolved() ? now : null;
    return ThreadOutcome.changed(null);
  }

  /** SPEC.md K5. */
  private static ThreadOutcome react(Thread t, ThreadCommand.React cmd, Actor actor) {
    requireCommenter(actor, "reacting");
    if (!REACTIONS.contains(cmd.reaction())) {
      throw CrossboardException.invalid("reaction must be one of " + String.join(", ", REACTIONS));
    }
    Comment c = liveComment(t, cmd.commentId());
    if (c.reacted(cmd.reaction(), actor.userId()) == cmd.on()) {
      return ThreadOutcome.unchanged(c.id());
    }
    t.put(c.react(cmd.reaction(), actor.userId(), cmd.on()));
    return ThreadOutcome.changed(c.id());
  }

  /** SPEC.md K2: point and region anchors only, by the creator or editors and up. */
  private static ThreadOutcome move(Thread t, ThreadCommand.Move cmd, Actor actor) {
    requireCreatorOrEditor(t, actor, "move");
    if (t.anchor().onRecord()) {
      throw CrossboardException.invalid("a thread on a record follows the record and cannot be moved");
    }
    if (t.anchor().equals(cmd.anchor())) {
      return ThreadOutcome.unchanged(null);
    }
    t.anchor = cmd.anchor();
    return ThreadOutcome.changed(null);
  }

  private static void requireCommenter(Actor actor, String what) {
    if (!actor.mayComment()) {
      throw CrossboardException.forbidden(what + " needs commenter or up");
    }
  }

  private static void requireCreatorOrEditor(Thread t, Actor actor, String what) {
    if (!t.createdBy().id().equals(actor.userId()) && !actor.editor()) {
      throw CrossboardException.forbidden("only its creator or an editor may " + what + " a thread");
    }
  }

  private static Comment liveComment(Thread t, String commentId) {
    Comment c = t.comment(commentId);
    if (c == null || c.isRemoved()) {
      throw CrossboardException.notFound("no such comment");
    }
    return c;
  }

  private static boolean isFirst(Thread t, Comment c) {
    return t.comments.get(0).id().equals(c.id());
  }
}
