package org.crossboard.translation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.board.CoreRecordTypes;
import org.crossboard.thread.Comment;
import org.crossboard.thread.Thread;

/**
 * One original text of a board that can be translated (SPEC.md N2): the {@code text} of a note,
 * text or shape, or the {@code title} of a frame, with the record's {@code lang} (null when not
 * set) and its version; or the {@code body} of a comment, {@code record} then being the comment's
 * id (comment ids are unique on a board, and the prop keeps them apart from records' texts).
 */
public record SourceText(String record, String prop, String text, String lang) {
  /** The prop under which a comment's text is translated. */
  public static final String COMMENT_BODY = "body";

  public String version() {
    return TextVersion.of(text);
  }

  /** The translatable prop of a record type ({@code text} or {@code title}), or null when it has none. */
  public static String propOf(String type) {
    if (type == null) {
      return null;
    }
    if (type.equals(CoreRecordTypes.FRAME.name())) {
      return "title";
    }
    return type.equals(CoreRecordTypes.NOTE.name()) || type.equals(CoreRecordTypes.TEXT.name())
        || type.equals(CoreRecordTypes.SHAPE.name()) ? "text" : null;
  }

  /** The record's text in {@code prop}, if that is its translatable prop and it is not blank; else null. */
  public static SourceText of(JsonObject record, String prop) {
    if (record == null || prop == null || !prop.equals(propOf(record.getString("type")))
        || !(record.getValue(prop) instanceof String text) || text.isBlank()) {
      return null;
    }
    return new SourceText(record.getString("id"), prop, text,
        record.getValue("lang") instanceof String lang ? lang : null);
  }

  /** A comment's text, or null when it is removed. */
  public static SourceText of(Comment comment) {
    return comment.isRemoved() || comment.body().isBlank() ? null
        : new SourceText(comment.id(), COMMENT_BODY, comment.body(), comment.lang());
  }

  /** The text of every comment of {@code threads} that is not removed, thread by thread. */
  public static List<SourceText> comments(List<Thread> threads) {
    List<SourceText> out = new ArrayList<>();
    for (Thread thread : threads) {
      for (Comment comment : thread.comments()) {
        SourceText text = of(comment);
        if (text != null) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /** Every translatable text among {@code records} (as the board state and exports list them). */
  public static List<SourceText> all(JsonArray records) {
    List<SourceText> out = new ArrayList<>();
    for (Object value : records) {
      if (value instanceof JsonObject record) {
        SourceText text = of(record, propOf(record.getString("type")));
        if (text != null) {
          out.add(text);
        }
      }
    }
    return out;
  }
}
