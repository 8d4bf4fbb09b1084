package org.crossboard.presence;

/** A colour per person, stable for a user id, from a palette legible on a light board. */
public final class PresenceColors {
  private static final String[] PALETTE = {
    "#C74C0A", "#1973C4", "#278439", "#AE3EC9", "#D13169", "#0B7F92",
    "#A76100", "#5F3DC4", "#D72F2F", "#087F5B", "#3B5BDB", "#862E9C"};

  private PresenceColors() {}

  public static String forUser(String userId) {
    return PALETTE[Math.floorMod(userId.hashCode(), PALETTE.length)];
  }
}
