package org.crossboard.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.crossboard.error.CrossboardException;
import org.crossboard.session.SessionCommand.GroupSpec;

/**
 * Lays out breakout groups (SPEC.md L9). Only participants present are split (facilitators move
 * between groups), each person once however many connections they have. Random groups differ in
 * size by at most one; by organisation or country puts the people of one value together, one
 * group per value named after it (people without one together, last); manual takes the
 * facilitator's groups as given (people need not be present yet). Groups are numbered
 * {@code g1}, {@code g2}, … in order.
 */
final class BreakoutPlanner {
  static final String UNKNOWN_ORG = "No organisation";
  static final String UNKNOWN_COUNTRY = "No country";

  private BreakoutPlanner() {}

  static List<BreakoutGroup> plan(SessionCommand.Breakouts cmd, List<Actor> present, BoardLookup board,
      RandomGenerator random) {
    return switch (cmd.by()) {
      case RANDOM -> random(participants(present), cmd.count(), random);
      case ORG -> byValue(participants(present), Actor::org, UNKNOWN_ORG);
      case COUNTRY -> byValue(participants(present), Actor::country, UNKNOWN_COUNTRY);
      case MANUAL -> manual(cmd.groups(), board);
    };
  }

  private static List<Actor> participants(List<Actor> present) {
    Map<String, Actor> byUser = new LinkedHashMap<>();
    present.stream().filter(a -> !a.facilitator()).forEach(a -> byUser.putIfAbsent(a.userId(), a));
    if (byUser.isEmpty()) {
      throw CrossboardException.invalid("no participants are present to split");
    }
    return new ArrayList<>(byUser.values());
  }

  private static List<BreakoutGroup> random(List<Actor> people, int count, RandomGenerator random) {
    if (count > people.size()) {
      throw CrossboardException.invalid("count is more than the participants present");
    }
    for (int i = people.size() - 1; i > 0; i--) { // Fisher–Yates
      int j = random.nextInt(i + 1);
      people.set(i, people.set(j, people.get(i)));
    }
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < people.size(); i++) {
      members.get(i % count).add(people.get(i).userId());
    }
    List<BreakoutGroup> groups = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      groups.add(new BreakoutGroup("g" + (g + 1), "Group " + (g + 1), null, members.get(g)));
    }
    return groups;
  }

  private static List<BreakoutGroup> byValue(List<Actor> people, Function<Actor, String> value, String unknown) {
    Map<String, List<String>> byValue = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<String> unknowns = new ArrayList<>();
    for (Actor a : people) {
      String v = value.apply(a);
      if (v == null || v.isBlank()) {
        unknowns.add(a.userId());
      } else {
        byValue.computeIfAbsent(v.strip(), k -> new ArrayList<>()).add(a.userId());
      }
    }
    int count = byValue.size() + (unknowns.isEmpty() ? 0 : 1);
    if (count > CommandDecoder.MAX_GROUPS) {
      throw CrossboardException.invalid("by would make more than " + CommandDecoder.MAX_GROUPS + " groups");
    }
    List<BreakoutGroup> groups = new ArrayList<>();
    byValue.forEach((name, members) -> groups.add(new BreakoutGroup("g" + (groups.size() + 1), name, null, members)));
    if (!unknowns.isEmpty()) { // last, and apart: an organisation may well be called "No organisation"
      groups.add(new BreakoutGroup("g" + (groups.size() + 1), unknown, null, unknowns));
    }
    return groups;
  }

  private static List<BreakoutGroup> manual(List<GroupSpec> specs, BoardLookup board) {
    List<BreakoutGroup> groups = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      GroupSpec g = specs.get(i);
      if (g.frame() != null) {
        Session.requireFrame(board, g.frame(), "groups[" + i + "].frame");
      }
      groups.add(new BreakoutGroup("g" + (i + 1), g.name(), g.frame(), g.members()));
    }
    return groups;
  }
}
