package org.crossboard.access;

/**
 * What a verified token says. Account tokens name a session ({@code session}); guest tokens name
 * the invitation they came through and the one board they open.
 *
 * @param session account session id, null for guests
 * @param invite guests only: the invitation's id
 * @param board guests only: the only board this token opens
 * @param role guests only: their role on that board
 * @param expiresAt epoch ms
 */
public record TokenClaims(String userId, String name, String org, String country, String session,
    String invite, String board, Role role, long expiresAt) {

  public boolean guest() {
    return invite != null;
  }
}
