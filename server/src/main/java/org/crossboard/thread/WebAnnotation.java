package org.crossboard.thread;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads as a W3C Web Annotation Data Model {@code AnnotationCollection} in JSON-LD
 * (https://www.w3.org/TR/annotation-model/, SPEC.md K9), for tools that read annotations.
 *
 * <p>A thread's first comment is an {@code Annotation} whose id is the board IRI with
 * {@code #thread-<id>}; each reply is an Annotation with motivation {@code replying} whose target
 * is that id. Removed comments are left out. A body's {@code language} is its comment's language
 * (SPEC.md N1), {@code und} (undetermined, BCP 47) for a comment written without one. Targets select into the board: a record anchor with a
 * {@code FragmentSelector} {@code record=<id>} conforming to {@value #RECORD_FRAGMENT_SPEC} (this
 * project's description of anchors), a point or region with a Media Fragments {@code xywh}
 * selector in board units (a point has width and height 0; board coordinates can be negative,
 * which the Media Fragments grammar, written for images, does not foresee). Authors are
 * identified by the board IRI with {@code #user-<id>}: user ids have no IRI of their own.
 */
public final class WebAnnotation {
  public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
  public static final String MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/";
  /** What {@code record=<id>} means: the board record with that id (docs/COMMENTS.md "Anchors"). */
  public static final String RECORD_FRAGMENT_SPEC = "https://crossboard.org/docs/COMMENTS.md#a-thread";

  /** BCP 47's tag for a text whose language is not known. */
  static final String UNDETERMINED = "und";

  private WebAnnotation() {}

  /** @param boardIri the board's page, e.g. {@code https://host/board.html?b=…}; threads in the order given */
  public static JsonObject export(String boardIri, List<Thread> threads) {
    List<JsonObject> items = new ArrayList<>();
    for (Thread t : threads) {
      String threadIri = boardIri + "#thread-" + t.id();
      List<Comment> comments = t.comments();
      for (int i = 0; i < comments.size(); i++) {
        Comment c = comments.get(i);
        if (c.isRemoved()) {
          continue;
        }
        if (i == 0) {
          items.add(annotation(boardIri, threadIri, c, motivation(t.kind()))
              .put("target", new JsonObject().put("type", "SpecificResource").put("source", boardIri)
                  .put("selector", selector(t.anchor()))));
        } else {
          items.add(annotation(boardIri, boardIri + "#comment-" + c.id(), c, "replying").put("target", threadIri));
        }
      }
    }
    return new JsonObject().put("@context", CONTEXT).put("id", boardIri + "#annotations")
        .put("type", "AnnotationCollection").put("total", items.size())
        .put("first", new JsonObject().put("id", boardIri + "#annotations-page-0").put("type", "AnnotationPage")
            .put("startIndex", 0).put("items", new JsonArray(items)));
  }

  private static JsonObject annotation(String boardIri, String id, Comment c, String motivation) {
    JsonArray body = new JsonArray().add(new JsonObject().put("type", "TextualBody").put("value", c.body())
        .put("format", "text/plain").put("language", c.lang() != null ? c.lang() : UNDETERMINED));
    if (c.link() != null) {
      body.add(new JsonObject().put("type", "SpecificResource").put("source", c.link()));
    }
    JsonObject a = new JsonObject().put("id", id).put("type", "Annotation").put("motivation", motivation)
        .put("creator", new JsonObject().put("id", boardIri + "#user-" + c.author().id()).put("type", "Person")
            .put("name", c.author().name()))
        .put("created", Instant.ofEpochMilli(c.createdAt()).toString());
    if (c.editedAt() != null) {
      a.put("modified", Instant.ofEpochMilli(c.editedAt()).toString());
    }
    return a.put("body", body);
  }

  /** The Web Annotation motivation closest to each kind. */
  static String motivation(String kind) {
    switch (kind) {
      case Thread.QUESTION:
        return "questioning";
      case Thread.SUGGESTION:
        return "editing";
      case Thread.REFERENCE:
        return "linking";
      case Thread.DECISION:
        return "assessing";
      default:
        return "commenting";
    }
  }

  private static JsonObject selector(Anchor a) {
    if (a.onRecord()) {
      return new JsonObject().put("type", "FragmentSelector").put("conformsTo", RECORD_FRAGMENT_SPEC)
          .put("value", "record=" + a.record());
    }
    double w = a.w() == null ? 0 : a.w();
    double h = a.h() == null ? 0 : a.h();
    return new JsonObject().put("type", "FragmentSelector").put("conformsTo", MEDIA_FRAGMENTS)
        .put("value", "xywh=" + num(a.x()) + "," + num(a.y()) + "," + num(w) + "," + num(h));
  }

  /** Whole numbers without a fraction ("10", not "10.0"); others as Java prints them. */
  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
