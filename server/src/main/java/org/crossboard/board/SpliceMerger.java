package org.crossboard.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the splices of one push to apply to the text as it is now (SPEC.md T3–T6): each is
 * transformed over the splices other clients sequenced after its {@code base}; later splices of
 * the same prop in the same push follow the earlier ones, so what others wrote is carried past
 * those too. Where the history cannot say what happened since {@code base} the splice is applied
 * as it is, its positions clamped to the text (T5). Every result is clamped to the text and never
 * splits a surrogate pair. One instance per push.
 */
final class SpliceMerger {
  /** What others wrote to one prop, in the context the push's next splice of it is written in. */
  private record Context(List<Splice> others, boolean known) {}

  /** A value this push wrote itself: nobody else's splices come between. */
  private static final Context WRITTEN_HERE = new Context(List.of(), true);

  private final TextHistory history;
  private final long seqNow;
  private final String clientId;
  private final Map<String, Context> contexts = new HashMap<>();
  private final Set<String> replacedRecords = new HashSet<>();

  SpliceMerger(TextHistory history, long seqNow, String clientId) {
    this.history = history;
    this.seqNow = seqNow;
    this.clientId = clientId;
  }

  /**
   * The splices that apply {@code splice} (written against seq {@code base}, after this push's
   * earlier changes) to {@code current}, the prop's value now; empty when it changes nothing.
   */
  List<Splice> rebase(String id, String prop, long base, Splice splice, String current) {
    String key = key(id, prop);
    Context context = contexts.get(key);
    if (context == null && replacedRecords.contains(id)) {
      context = WRITTEN_HERE;
    } else if (context == null) {
      List<Splice> others = history.othersSince(id, prop, base, seqNow, clientId);
      context = others == null ? new Context(List.of(), false) : new Context(others, true);
    }
    List<Splice> rebased;
    if (context.known() && !context.others().isEmpty()) {
      Splices.Pair pair = Splices.transform(List.of(splice), context.others(), false);
      rebased = pair.a();
      context = new Context(pair.b(), true);
    } else {
      rebased = List.of(splice);
    }
    contexts.put(key, context);
    return fit(rebased, current);
  }

  /**
   * A change of this push wrote {@code prop} of record {@code id} whole ({@code prop} null: put or
   * removed the record): later splices of this push are written against that value.
   */
  void replaced(String id, String prop) {
    if (prop != null) {
      contexts.put(key(id, prop), WRITTEN_HERE);
      return;
    }
    replacedRecords.add(id);
    String prefix = id + '\u0000';
    contexts.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static String key(String id, String prop) {
    return id + '\u0000' + prop;
  }

  /** Clamps each splice to the text as the previous ones leave it, and keeps surrogate pairs whole. */
  static List<Splice> fit(List<Splice> splices, String current) {
    List<Splice> out = new ArrayList<>(splices.size());
    String text = current;
    for (Splice s : splices) {
      int len = text.length();
      int at = Math.min(s.at(), len);
      int delete = Math.min(s.delete(), len - at);
      if (splitsPair(text, at)) {
        at--;
        if (delete > 0) {
          delete++;
        }
      }
      if (delete > 0 && splitsPair(text, at + delete)) {
        delete++;
      }
      Splice fitted = new Splice(at, delete, s.insert());
      if (!fitted.isNoop()) {
        out.add(fitted);
        text = fitted.applyTo(text);
      }
    }
    return out;
  }

  private static boolean splitsPair(String text, int index) {
    return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
        && Character.isLowSurrogate(text.charAt(index));
  }
}
