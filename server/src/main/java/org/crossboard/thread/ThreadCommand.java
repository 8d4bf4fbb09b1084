package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Every client message about threads (docs/COMMENTS.md "Messages"), decoded and validated
 * ({@link #decode}); what needs the thread (does the comment exist, may this person do it) is
 * checked when applied ({@link ThreadRules}). Absent {@code link} and {@code lang} are null, absent
 * {@code mentions} empty; {@code lang} is the body's language as a canonical BCP 47 tag (SPEC.md N1).
 */
public sealed interface ThreadCommand {

  /**
   * Decodes a frame of the given type ({@code thread.create}, …): {@code ERR_UNKNOWN_TYPE} for a
   * type that is not a thread message, {@code ERR_MALFORMED} for a field of the wrong JSON type,
   * {@code ERR_INVALID} for a bad value, {@code ERR_TOO_LARGE} for a body over 4,000 characters,
   * {@code ERR_TOO_MANY_MENTIONS} for more than 20 mentions (SPEC.md K8); the message names the field.
   */
  static ThreadCommand decode(String type, JsonObject frame) {
    return ThreadDecoder.decode(type, frame);
  }

  /** The wire type, e.g. {@code thread.reply}. */
  String type();

  /** The thread it is about; null for {@link Create}. */
  String threadId();

  /** {@code link} is required for a {@code reference} (checked when decoded). */
  record Create(Anchor anchor, String kind, String body, String lang, String link, List<Mention> mentions)
      implements ThreadCommand {
    public Create {
      mentions = List.copyOf(mentions);
    }

    public String type() {
      return "thread.create";
    }

    public String threadId() {
      return null;
    }
  }

  record Reply(String threadId, String body, String lang, String link, List<Mention> mentions)
      implements ThreadCommand {
    public Reply {
      mentions = List.copyOf(mentions);
    }

    public String type() {
      return "thread.reply";
    }
  }

  /**
   * Replaces the comment's body, link and mentions (absent ones become none); an absent {@code lang}
   * keeps the comment's language.
   */
  record Edit(String threadId, String commentId, String body, String lang, String link, List<Mention> mentions)
      implements ThreadCommand {
    public Edit {
      mentions = List.copyOf(mentions);
    }

    public String type() {
      return "thread.edit";
    }
  }

  record Remove(String threadId, String commentId) implements ThreadCommand {
    public String type() {
      return "thread.remove";
    }
  }

  /** {@code resolved} false reopens. */
  record Resolve(String threadId, boolean resolved) implements ThreadCommand {
    public String type() {
      return "thread.resolve";
    }
  }

  record React(String threadId, String commentId, String reaction, boolean on) implements ThreadCommand {
    public String type() {
      return "thread.react";
    }
  }

  /** A point or region anchor (a record anchor is refused when decoded). */
  record Move(String threadId, Anchor anchor) implements ThreadCommand {
    public String type() {
      return "thread.move";
    }
  }
}
