package org.crossboard.access;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.crossboard.audit.AuditLog;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Grant;
import org.crossboard.store.Invite;
import org.crossboard.store.Stores;

/**
 * Invitation links (SPEC.md A7, A8): created with a role, an expiry and a use limit; revocable;
 * accepted by account holders (who gain the role) or, for board links, used by guests with a
 * display name. Only the SHA-256 of a link's code is stored; every unusable link gets the same
 * {@code ERR_INVITE_INVALID} so codes cannot be probed for their state.
 */
public final class InviteService {
  /** A guest token never outlives this, whatever the link's expiry. */
  public static final long GUEST_TOKEN_MAX_MS = 12 * 3_600_000L;
  /** How long a link lasts when its creator does not say. */
  public static final int DEFAULT_EXPIRES_IN_HOURS = 72;
  public static final int MAX_EXPIRES_IN_HOURS = 720;
  /** How many times a link can be used when its creator does not say. */
  public static final int DEFAULT_MAX_USES = 1;
  public static final int MAX_USES = 1000;
  private final Stores stores;
  private final AccessService access;
  private final Tokens tokens;
  private final AuditLog audit;
  private final AccessEvents events;
  private final SecureRandom random = new SecureRandom();

  public InviteService(Stores stores, AccessService access, Tokens tokens, AuditLog audit, AccessEvents events) {
    this.stores = stores;
    this.access = access;
    this.tokens = tokens;
    this.audit = audit;
    this.events = events;
  }

  /**
   * A link to create, already checked: for the workspace ({@code board} null) or one of its boards,
   * lasting 1–{@link #MAX_EXPIRES_IN_HOURS} hours and usable 1–{@link #MAX_USES} times.
   */
  public record NewInvite(Role role, String board, int expiresInHours, int maxUses) {}

  /**
   * A guest joining through a link: the code as sent (null when the request had none; any code that
   * is not usable gets {@code ERR_INVITE_INVALID}), and an already checked display name, org and
   * country (both may be null).
   */
  public record GuestJoin(String code, String name, String org, String country) {
    @Override
    public String toString() {
      // a record's own toString would print the code wherever the request got logged
      return "GuestJoin[name=" + name + ", org=" + org + ", country=" + country + "]";
    }
  }

  /** Creates a link; the answer carries its code, which is never shown again. */
  public Future<JsonObject> create(Caller caller, String workspaceId, NewInvite request, String ip) {
    Role role = request.role();
    int maxUses = request.maxUses();
    Future<Role> callerRole;
    if (request.board() == null) {
      callerRole = access.requireWorkspace(caller, workspaceId, Action.INVITE_TO_WORKSPACE).map(AccessService.Scoped::role);
    } else {
      callerRole = access.requireBoard(caller, request.board(), Action.INVITE_TO_BOARD).compose(s ->
          s.value().workspace().equals(workspaceId) ? Future.succeededFuture(s.role())
              : Future.failedFuture(AccessService.boardNotFound()));
    }
    return callerRole.compose(own -> {
      if (!own.atLeast(role)) {
        return Future.failedFuture(CrossboardException.forbidden("nobody can invite with a role above their own"));
      }
      String code = Ids.random(random, 32);
      long now = System.currentTimeMillis();
      Invite invite = new Invite(idOf(code), workspaceId, request.board(), role,
          now + request.expiresInHours() * 3_600_000L, maxUses, maxUses, false, caller.userId(), now);
      return stores.invites().insert(invite)
          .compose(v -> audit.record(AuditLog.workspaceChain(workspaceId), caller.actor(), "invite.created",
              invite.id(), new JsonObject().put("role", role.wire()).put("board", invite.board())
                  .put("expiresAt", invite.expiresAt()).put("maxUses", maxUses), ip))
          .map(v -> invite.toJson().put("code", code));
    });
  }

  public Future<JsonArray> list(Caller caller, String workspaceId) {
    return access.requireWorkspace(caller, workspaceId, Action.LIST_INVITES)
        .compose(s -> stores.invites().byWorkspace(workspaceId))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.forEach(i -> out.add(i.toJson()));
          return out;
        });
  }

  /** A board's invitations, for its facilitators (who may have no role on the rest of the workspace). */
  public Future<JsonArray> listForBoard(Caller caller, String boardId) {
    return access.requireBoard(caller, boardId, Action.LIST_BOARD_INVITES)
        .compose(s -> stores.invites().byWorkspace(s.value().workspace()))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.stream().filter(i -> boardId.equals(i.board())).forEach(i -> out.add(i.toJson()));
          return out;
        });
  }

  /** Revokes a link; guests who came through it are cut off at once, on every node. */
  public Future<Void> revoke(Caller caller, String inviteId, String ip) {
    return stores.invites().get(inviteId).compose(invite -> {
      if (invite == null) {
        return Future.failedFuture(CrossboardException.notFound("no such invitation"));
      }
      Future<?> allowed = invite.board() == null
          ? access.requireWorkspace(caller, invite.workspace(), Action.REVOKE_INVITE)
          : access.requireBoard(caller, invite.board(), Action.REVOKE_INVITE);
      return allowed.compose(s -> stores.invites().revoke(inviteId))
          .compose(v -> audit.record(AuditLog.workspaceChain(invite.workspace()), caller.actor(), "invite.revoked",
              inviteId, new JsonObject().put("board", invite.board()), ip))
          .compose(v -> events.inviteRevoked(inviteId));
    });
  }

  /** What a link offers, for the join page ({@code code} as sent, may be null). */
  public Future<JsonObject> preview(String code) {
    return usableInvite(code).compose(invite -> stores.workspaces().get(invite.workspace()).compose(ws ->
        board(invite).map(board -> new JsonObject()
            .put("workspace", invite.workspace()).put("workspaceName", ws == null ? null : ws.name())
            .put("board", invite.board()).put("boardTitle", board == null ? null : board.title())
            .put("role", invite.role().wire())
            .put("guestRole", invite.board() == null ? null : invite.role().forGuest().wire())
            .put("expiresAt", invite.expiresAt()))));
  }

  /**
   * An account holder accepts: takes one use and gains the role — unless their current role there
   * is already at least as strong (a viewer link never demotes an editor; on a board, the
   * workspace role counts). {@code code} is as sent, may be null.
   */
  public Future<JsonObject> accept(Caller caller, String code, String ip) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.forbidden("sign in or sign up to accept an invitation"));
    }
    return use(code).compose(invite -> currentRole(caller.userId(), invite).compose(current -> {
      boolean keep = current != null && current.atLeast(invite.role());
      Role role = keep ? current : invite.role();
      String scope = invite.board() == null ? Grant.workspaceScope(invite.workspace()) : Grant.boardScope(invite.board());
      Future<Void> granted = keep ? Future.succeededFuture()
          : stores.grants().put(new Grant(scope, invite.workspace(), caller.userId(), role, System.currentTimeMillis()));
      return granted
          .compose(v -> audit.record(AuditLog.workspaceChain(invite.workspace()), caller.actor(), "invite.used",
              invite.id(), new JsonObject().put("role", role.wire()).put("board", invite.board()), ip))
          .compose(v -> invite.board() == null ? events.memberChanged(invite.workspace(), caller.userId())
              : events.boardRoleChanged(invite.board(), caller.userId()))
          .map(v -> new JsonObject().put("workspace", invite.workspace()).put("board", invite.board())
              .put("role", role.wire()));
    }));
  }

  /** The person's role where the invitation leads: the workspace, or the board (null: none). */
  private Future<Role> currentRole(String userId, Invite invite) {
    if (invite.board() == null) {
      return access.workspaceRole(userId, invite.workspace());
    }
    return stores.boards().get(invite.board()).compose(board -> board == null
        ? Future.failedFuture(invalidInvite()) : access.boardRole(userId, board));
  }

  /** A guest joins a board through a link with a display name and no account. */
  public Future<JsonObject> guest(GuestJoin request, String ip) {
    String name = request.name();
    return usableInvite(request.code()).compose(preview -> {
      if (preview.board() == null) {
        return Future.failedFuture(CrossboardException.forbidden("workspace invitations need an account"));
      }
      return use(request.code());
    }).compose(invite -> {
      String guestId = "g" + Ids.random(random, 21);
      Role role = invite.role().forGuest();
      long expiresAt = Math.min(invite.expiresAt(), System.currentTimeMillis() + GUEST_TOKEN_MAX_MS);
      String token = tokens.forGuest(guestId, name, request.org(), request.country(), invite.id(), invite.board(), role,
          expiresAt);
      return audit.record(AuditLog.workspaceChain(invite.workspace()), new JsonObject().put("id", guestId)
                  .put("name", name), "invite.used", invite.id(),
              new JsonObject().put("role", role.wire()).put("board", invite.board()).put("guest", true), ip)
          .map(v -> new JsonObject().put("token", token).put("expiresAt", expiresAt).put("board", invite.board())
              .put("role", role.wire()).put("user", new JsonObject().put("id", guestId).put("name", name)));
    });
  }

  private Future<BoardInfo> board(Invite invite) {
    return invite.board() == null ? Future.succeededFuture() : stores.boards().get(invite.board());
  }

  /** The invitation a code names while it can be used; {@code ERR_INVITE_INVALID} otherwise. */
  private Future<Invite> usableInvite(String code) {
    return storedId(code).compose(id -> stores.invites().get(id))
        .compose(invite -> present(invite != null && invite.usable(System.currentTimeMillis()) ? invite : null));
  }

  /** Takes one use of the invitation a code names; {@code ERR_INVITE_INVALID} when none is left. */
  private Future<Invite> use(String code) {
    return storedId(code).compose(id -> stores.invites().use(id, System.currentTimeMillis()))
        .compose(InviteService::present);
  }

  /** The stored id of a code that could be one of ours; {@code ERR_INVITE_INVALID} like any unusable code otherwise. */
  private static Future<String> storedId(String code) {
    return code != null && !code.isEmpty() && code.length() <= 100
        ? Future.succeededFuture(idOf(code)) : Future.failedFuture(invalidInvite());
  }

  private static Future<Invite> present(Invite invite) {
    return invite == null ? Future.failedFuture(invalidInvite()) : Future.succeededFuture(invite);
  }

  private static CrossboardException invalidInvite() {
    return new CrossboardException(ErrorCode.ERR_INVITE_INVALID, "this invitation is unknown, revoked, expired or used up");
  }

  /** The stored id of a link's code. */
  public static String idOf(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
