package org.crossboard.thread;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crossboard.board.PropSpec;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/** Decodes thread messages (docs/COMMENTS.md "Messages") for {@link ThreadCommand#decode}. */
final class ThreadDecoder {
  /** SPEC.md K8; counted in UTF-16 units, as the web client's text field counts. */
  static final int MAX_BODY = 4_000;
  /** SPEC.md K8. */
  static final int MAX_MENTIONS = 20;
  static final int MAX_LINK = 2_048;

  private ThreadDecoder() {}

  static ThreadCommand decode(String type, JsonObject f) {
    switch (type == null ? "" : type) {
      case "thread.create": {
        Anchor anchor = Anchor.fromJson(Fields.object(f, "anchor", "anchor"));
        String kind = kind(f);
        String link = link(f);
        if (Thread.REFERENCE.equals(kind) && link == null) {
          throw CrossboardException.invalid("link is required for a reference");
        }
        return new ThreadCommand.Create(anchor, kind, body(f), lang(f), link, mentions(f));
      }
      case "thread.reply":
        return new ThreadCommand.Reply(thread(f), body(f), lang(f), link(f), mentions(f));
      case "thread.edit":
        return new ThreadCommand.Edit(thread(f), comment(f), body(f), lang(f), link(f), mentions(f));
      case "thread.remove":
        return new ThreadCommand.Remove(thread(f), comment(f));
      case "thread.resolve":
        return new ThreadCommand.Resolve(thread(f), Fields.bool(f, "resolved"));
      case "thread.react":
        return new ThreadCommand.React(thread(f), comment(f), Fields.string(f, "reaction", "reaction", true),
            Fields.bool(f, "on"));
      case "thread.move": {
        Anchor anchor = Anchor.fromJson(Fields.object(f, "anchor", "anchor"));
        if (anchor.onRecord()) {
          throw CrossboardException.invalid("anchor.kind must be point or region to move a thread");
        }
        return new ThreadCommand.Move(thread(f), anchor);
      }
      default:
        throw new CrossboardException(ErrorCode.ERR_UNKNOWN_TYPE, "not a thread message");
    }
  }

  private static String thread(JsonObject f) {
    return Fields.id(f, "thread", "thread", true);
  }

  private static String comment(JsonObject f) {
    return Fields.id(f, "comment", "comment", true);
  }

  private static String kind(JsonObject f) {
    String kind = Fields.string(f, "kind", "kind", true);
    if (!Thread.KINDS.contains(kind)) {
      throw CrossboardException.invalid("kind must be question, suggestion, reference, decision or plain");
    }
    return kind;
  }

  /** Plain text of 1 to {@value #MAX_BODY} characters, not only blanks. */
  private static String body(JsonObject f) {
    String body = Fields.string(f, "body", "body", true);
    if (body.length() > MAX_BODY) {
      throw new CrossboardException(ErrorCode.ERR_TOO_LARGE, "body is longer than " + MAX_BODY + " characters");
    }
    if (body.isBlank()) {
      throw CrossboardException.invalid("body must not be empty");
    }
    return body;
  }

  /** The body's language (SPEC.md N1): a canonical BCP 47 tag such as {@code pt} or {@code fr-CA}, or null. */
  private static String lang(JsonObject f) {
    String lang = Fields.string(f, "lang", "lang", false);
    if (lang != null && !PropSpec.Language.isValid(lang)) {
      throw CrossboardException.invalid("lang must be a BCP 47 language tag of at most "
          + PropSpec.Language.MAX_LENGTH + " characters, e.g. pt or fr-CA");
    }
    return lang;
  }

  /** An absolute http(s) URL with a host, or null; anything else could run script when clicked. */
  private static String link(JsonObject f) {
    String link = Fields.string(f, "link", "link", false);
    if (link == null) {
      return null;
    }
    if (link.length() > MAX_LINK) {
      throw CrossboardException.invalid("link is longer than " + MAX_LINK + " characters");
    }
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return link;
      }
    } catch (URISyntaxException e) {
      // refused below, like any other non-http(s) link
    }
    throw CrossboardException.invalid("link must be an http or https URL");
  }

  /** The mentions in the order given, each once. */
  private static List<Mention> mentions(JsonObject f) {
    JsonArray arr = Fields.array(f, "mentions");
    if (arr == null) {
      return List.of();
    }
    if (arr.size() > MAX_MENTIONS) {
      throw new CrossboardException(ErrorCode.ERR_TOO_MANY_MENTIONS,
          "mentions holds more than " + MAX_MENTIONS + " people and groups");
    }
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      Mention m = Mention.fromJson(Fields.element(arr, i, "mentions"), "mentions[" + i + "]");
      if (!mentions.contains(m)) {
        mentions.add(m);
      }
    }
    return mentions;
  }
}
