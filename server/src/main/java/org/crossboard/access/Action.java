package org.crossboard.access;

/**
 * Everything a person can ask of the server, over the socket or REST, each with the weakest role
 * that may do it. This enum IS the role × action table of docs/SECURITY.md; a test checks that
 * the document and this enum agree, and another performs every cell against a running server.
 */
public enum Action {
  // socket messages (role on the board)
  JOIN_BOARD("socket `hello` (join, receive ops and presence)", Role.VIEWER, Scope.BOARD),
  FETCH_OPS("socket `fetch`", Role.VIEWER, Scope.BOARD),
  SEND_PRESENCE("socket `presence` (cursor, selection, viewport)", Role.VIEWER, Scope.BOARD),
  PUSH_COMMENT("socket `push` of own `comment` records", Role.COMMENTER, Scope.BOARD),
  PUSH_EDIT("socket `push` of any other change", Role.EDITOR, Scope.BOARD),
  RAISE_HAND("socket `session.hand` (raise or lower one's own hand)", Role.VIEWER, Scope.BOARD),
  VOTE("socket `session.vote.cast` (a dot in an open vote)", Role.COMMENTER, Scope.BOARD),
  RUN_SESSION("socket `session.*` that run a live session (create, start, timer, lock, private mode, votes, breakouts, summon)",
      Role.FACILITATOR, Scope.BOARD),
  // REST on a board (role on the board)
  VIEW_BOARD("`GET /api/boards/:id`", Role.VIEWER, Scope.BOARD),
  LIST_BOARD_PEOPLE("`GET /api/boards/:id/members`", Role.VIEWER, Scope.BOARD),
  EXPORT_BOARD("`GET /api/boards/:id/export`", Role.EDITOR, Scope.BOARD),
  VIEW_SESSIONS("`GET /api/boards/:id/sessions`, one session, its recap", Role.VIEWER, Scope.BOARD),
  VIEW_ATTENDANCE("`GET /api/boards/:id/sessions/:sid/attendance`", Role.FACILITATOR, Scope.BOARD),
  VIEW_THREADS("`GET /api/boards/:id/threads`, one thread, the exports", Role.VIEWER, Scope.BOARD),
  VIEW_TRANSLATIONS("`GET /api/boards/:id/translations`", Role.VIEWER, Scope.BOARD),
  TRANSLATE("`PUT /api/boards/:id/translations/:record/:prop/:lang` (a human translation)", Role.EDITOR, Scope.BOARD),
  MANAGE_BOARD_ROLES("`PUT`/`DELETE /api/boards/:id/members/:user`", Role.FACILITATOR, Scope.BOARD),
  INVITE_TO_BOARD("`POST /api/workspaces/:ws/invites` with `board`", Role.FACILITATOR, Scope.BOARD),
  LIST_BOARD_INVITES("`GET /api/boards/:id/invites`", Role.FACILITATOR, Scope.BOARD),
  DELETE_BOARD("`DELETE /api/boards/:id`", Role.FACILITATOR, Scope.BOARD),
  // REST on a workspace (role on the workspace)
  VIEW_WORKSPACE("`GET /api/workspaces/:ws`, its boards", Role.VIEWER, Scope.WORKSPACE),
  LIST_MEMBERS("`GET /api/workspaces/:ws/members`", Role.VIEWER, Scope.WORKSPACE),
  CREATE_BOARD("`POST /api/workspaces/:ws/boards`", Role.EDITOR, Scope.WORKSPACE),
  INVITE_TO_WORKSPACE("`POST /api/workspaces/:ws/invites` without `board`", Role.FACILITATOR, Scope.WORKSPACE),
  LIST_INVITES("`GET /api/workspaces/:ws/invites`", Role.FACILITATOR, Scope.WORKSPACE),
  REVOKE_INVITE("`DELETE /api/invites/:id`", Role.FACILITATOR, Scope.WORKSPACE),
  MANAGE_MEMBERS("`PUT`/`DELETE /api/workspaces/:ws/members/:user`", Role.OWNER, Scope.WORKSPACE),
  VIEW_AUDIT("`GET /api/workspaces/:ws/audit` (JSON, CSV)", Role.OWNER, Scope.WORKSPACE);

  /** Whose role decides: the person's role on the board, or on the workspace. */
  public enum Scope { BOARD, WORKSPACE }

  private final String call;
  private final Role minimum;
  private final Scope scope;

  Action(String call, Role minimum, Scope scope) {
    this.call = call;
    this.minimum = minimum;
    this.scope = scope;
  }

  /** The message or REST call, as docs/SECURITY.md names it. */
  public String call() {
    return call;
  }

  public Role minimum() {
    return minimum;
  }

  public Scope scope() {
    return scope;
  }

  /** The board actions {@code role} allows, by name: what the welcome and {@code role} frames tell the client. */
  public static io.vertx.core.json.JsonArray allowedOnBoard(Role role) {
    io.vertx.core.json.JsonArray names = new io.vertx.core.json.JsonArray();
    for (Action action : values()) {
      if (action.scope == Scope.BOARD && action.allows(role)) {
        names.add(action.name());
      }
    }
    return names;
  }

  /** Whether a person with {@code role} (null: none) may do this. */
  public boolean allows(Role role) {
    return role != null && role.atLeast(minimum);
  }
}
