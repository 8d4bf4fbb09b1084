package org.crossboard.presence;

/** A colour per person, stable for a user id, from a palette legible on a light board. */
public final class PresenceColors {
  private static final String[] PALETTE = {
    "#E8590C", "#1C7ED6", "#2F9E44", "#AE3EC9", "#D6336C", "#0C8599",
    "#F08C00", "#5F3DC4", "#E03131", "#087F5B", "#3B5BDB", "#862E9C"};

  private PresenceColors() {}

  public static String forUser(String userId) {
    return PALETTE[Math.floorMod(userId.hashCode(), PALETTE.length)];
  }
}
