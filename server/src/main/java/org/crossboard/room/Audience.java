package org.crossboard.room;

import org.crossboard.access.Role;

/**
 * Who a broadcast is for, decided per member at the moment of sending (so a role changed a second
 * ago counts). A frame is encoded once per audience; what one audience may not see is simply never
 * in its frame (DESIGN §10: secrets are never sent, not hidden by the client).
 */
public sealed interface Audience {
  /** Everyone in the room. */
  Audience EVERYONE = new Everyone();

  /** Facilitators and owners: the people who run a session. */
  Audience FACILITATORS = new Facilitators();

  /** Everyone who is not a facilitator or owner (the complement of {@link #FACILITATORS}). */
  Audience PARTICIPANTS = new Participants();

  /** Whether {@code member} is in this audience now. */
  boolean includes(Member member);

  /** Every connection of one person (all their tabs). */
  static Audience person(String userId) {
    return new Person(userId);
  }

  /** The members for whom {@code test} holds at the moment of sending (e.g. per-member presence rates). */
  static Audience matching(java.util.function.Predicate<Member> test) {
    return new Matching(test);
  }

  /** Everyone in the room. */
  record Everyone() implements Audience {
    @Override
    public boolean includes(Member member) {
      return true;
    }
  }

  /** Role facilitator or above. */
  record Facilitators() implements Audience {
    @Override
    public boolean includes(Member member) {
      return member.principal().role().atLeast(Role.FACILITATOR);
    }
  }

  /** Role below facilitator. */
  record Participants() implements Audience {
    @Override
    public boolean includes(Member member) {
      return !member.principal().role().atLeast(Role.FACILITATOR);
    }
  }

  /** Members picked by a test. */
  record Matching(java.util.function.Predicate<Member> test) implements Audience {
    @Override
    public boolean includes(Member member) {
      return test.test(member);
    }
  }

  /** One person, by user id. */
  record Person(String userId) implements Audience {
    @Override
    public boolean includes(Member member) {
      return member.principal().userId().equals(userId);
    }
  }
}
