package org.crossboard.board;

import java.util.ArrayList;
import java.util.List;

/**
 * How splices written against the same text are rewritten to apply one after the other (SPEC.md
 * T3): what one side inserted is never deleted by the other, what both deleted is deleted once,
 * and at the same insertion point the side that goes first keeps its text in front. The web
 * client's {@code text-ops.js} computes exactly the same; its pending splices are rebased with it.
 */
public final class Splices {
  private Splices() {}

  /** Applies splices in order. */
  public static String apply(String text, List<Splice> splices) {
    String out = text;
    for (Splice s : splices) {
      out = s.applyTo(out);
    }
    return out;
  }

  /**
   * Where an insertion point ends up after {@code over} is applied; at a tie with over's own
   * insertion point, {@code stayBefore} keeps it in front of what {@code over} inserted.
   */
  static int mapPoint(int x, Splice over, boolean stayBefore) {
    int end = over.at() + over.delete();
    if (x < over.at() || x == over.at() && stayBefore) {
      return x;
    }
    if (x <= end) {
      return over.at() + over.insert().length();
    }
    return x - over.delete() + over.insert().length();
  }

  /**
   * {@code s} rewritten to apply after {@code o}: 0, 1 or 2 splices (two when {@code o} lies inside
   * the range {@code s} deletes, whose two remaining parts are deleted separately).
   */
  static List<Splice> transformOne(Splice s, Splice o, boolean sFirst) {
    int oEnd = o.at() + o.delete();
    int sEnd = s.at() + s.delete();
    int keptBefore = s.at() < o.at() ? Math.min(sEnd, o.at()) - s.at() : 0;
    int afterStart = Math.max(s.at(), oEnd);
    int keptAfter = sEnd > afterStart ? sEnd - afterStart : 0;
    int movedAfter = afterStart - o.delete() + o.insert().length();
    int point = mapPoint(s.at(), o, sFirst);
    List<Splice> out = new ArrayList<>(2);
    Splice main;
    if (keptAfter > 0 && (keptBefore > 0 || point != movedAfter)) {
      out.add(new Splice(movedAfter, keptAfter, ""));
      main = new Splice(point, keptBefore, s.insert());
    } else {
      main = new Splice(point, keptBefore > 0 ? keptBefore : keptAfter, s.insert());
    }
    out.add(main);
    out.removeIf(Splice::isNoop);
    return out;
  }

  /** The two sides of a transform: {@code a} rewritten to follow {@code b}, and {@code b} to follow {@code a}. */
  public record Pair(List<Splice> a, List<Splice> b) {}

  /**
   * Transforms two sequences written against the same text so that text·a·b' equals text·b·a'.
   *
   * @param aFirst at the same insertion point, a's text goes in front of b's
   */
  public static Pair transform(List<Splice> a, List<Splice> b, boolean aFirst) {
    if (a.isEmpty() || b.isEmpty()) {
      return new Pair(a, b);
    }
    if (a.size() == 1 && b.size() == 1) {
      return new Pair(transformOne(a.get(0), b.get(0), aFirst), transformOne(b.get(0), a.get(0), !aFirst));
    }
    if (a.size() > 1) {
      Pair head = transform(a.subList(0, 1), b, aFirst);
      Pair rest = transform(a.subList(1, a.size()), head.b(), aFirst);
      return new Pair(concat(head.a(), rest.a()), rest.b());
    }
    Pair head = transform(a, b.subList(0, 1), aFirst);
    Pair rest = transform(head.a(), b.subList(1, b.size()), aFirst);
    return new Pair(rest.a(), concat(head.b(), rest.b()));
  }

  private static List<Splice> concat(List<Splice> x, List<Splice> y) {
    List<Splice> out = new ArrayList<>(x.size() + y.size());
    out.addAll(x);
    out.addAll(y);
    return out;
  }
}
