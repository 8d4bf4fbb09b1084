package org.crossboard.access;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossboard.audit.AuditLog;
import org.crossboard.store.Account;
import org.crossboard.store.Grant;
import org.crossboard.store.Stores;
import org.crossboard.store.Workspace;

/**
 * Workspaces and their members (SPEC.md A4, A6): create, list, change roles, remove. Every change
 * is audited and announced through {@link AccessEvents} so open connections follow it at once.
 */
public final class WorkspaceService {
  private final Stores stores;
  private final AccessService access;
  private final AuditLog audit;
  private final AccessEvents events;
  private final SecureRandom random = new SecureRandom();

  public WorkspaceService(Stores stores, AccessService access, AuditLog audit, AccessEvents events) {
    this.stores = stores;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  /** Creates a workspace owned by the caller; {@code name} is already checked (stripped, 1–200 characters). */
  public Future<JsonObject> create(Caller caller, String name, String ip) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.forbidden("guests cannot create workspaces"));
    }
    long now = System.currentTimeMillis();
    Workspace ws = new Workspace("w" + Ids.random(random, 21), name, caller.userId(), now);
    return stores.workspaces().insert(ws)
        .compose(v -> stores.grants().put(new Grant(Grant.workspaceScope(ws.id()), ws.id(), caller.userId(), Role.OWNER, now)))
        .compose(v -> audit.record(AuditLog.workspaceChain(ws.id()), caller.actor(), "workspace.created", ws.id(),
            new JsonObject().put("name", name), ip))
        .map(v -> ws.toJson().put("role", Role.OWNER.wire()));
  }

  /** The caller's workspaces: those with a workspace role, and those where they only have board roles (role null). */
  public Future<JsonArray> list(Caller caller) {
    if (caller.guest()) {
      return Future.succeededFuture(new JsonArray());
    }
    return stores.grants().byUser(caller.userId()).compose(grants -> {
      Map<String, Role> roles = new HashMap<>();
      grants.forEach(g -> {
        if (!g.isBoardScope()) {
          roles.put(g.workspace(), g.role());
        }
      });
      Set<String> ids = grants.stream().map(Grant::workspace).collect(Collectors.toSet());
      return stores.workspaces().byIds(ids).map(list -> {
        JsonArray out = new JsonArray();
        list.forEach(ws -> out.add(ws.toJson().put("role", roles.containsKey(ws.id()) ? roles.get(ws.id()).wire() : null)));
        return out;
      });
    });
  }

  /**
   * The workspace as its members see it, with their role; people who only have roles on some of its
   * boards see its name with role null (the web client then shows just those boards).
   */
  public Future<JsonObject> view(Caller caller, String workspaceId) {
    return access.requireWorkspace(caller, workspaceId, Action.VIEW_WORKSPACE)
        .map(s -> s.value().toJson().put("role", s.role().wire()))
        .recover(e -> !(e instanceof CrossboardException a && a.code() == ErrorCode.ERR_NOT_FOUND) || caller.guest()
            ? Future.failedFuture(e)
            : stores.grants().byUser(caller.userId()).compose(grants -> grants.stream()
                .anyMatch(g -> g.isBoardScope() && g.workspace().equals(workspaceId))
                ? stores.workspaces().get(workspaceId).map(ws -> ws.toJson().put("role", (String) null))
                : Future.failedFuture(e)));
  }

  /** Members with their workspace roles; emails are shown to owners only. */
  public Future<JsonArray> members(Caller caller, String workspaceId) {
    return access.requireWorkspace(caller, workspaceId, Action.LIST_MEMBERS).compose(scoped ->
        stores.grants().byScope(Grant.workspaceScope(workspaceId)).compose(grants ->
            withAccounts(grants, scoped.role() == Role.OWNER)));
  }

  /** Grants with the people they name, strongest role first. */
  Future<JsonArray> withAccounts(List<Grant> grants, boolean showEmail) {
    return stores.accounts().byIds(grants.stream().map(Grant::userId).toList()).map(accounts -> {
      Map<String, Account> byId = accounts.stream().collect(Collectors.toMap(Account::id, a -> a));
      JsonArray out = new JsonArray();
      grants.stream().sorted((a, b) -> a.role() != b.role() ? a.role().compareTo(b.role())
              : name(byId, a.userId()).compareToIgnoreCase(name(byId, b.userId())))
          .forEach(g -> out.add(new JsonObject().put("user", person(byId.get(g.userId()), g.userId(), showEmail))
              .put("role", g.role().wire()).put("source", g.isBoardScope() ? "board" : "workspace")));
      return out;
    });
  }

  private static String name(Map<String, Account> byId, String id) {
    Account a = byId.get(id);
    return a == null ? id : a.name();
  }

  static JsonObject person(Account a, String id, boolean showEmail) {
    JsonObject p = new JsonObject().put("id", id);
    if (a != null) {
      p.put("name", a.name()).put("org", a.org()).put("country", a.country());
      if (showEmail) {
        p.put("email", a.email());
      }
    }
    return p;
  }

  /** Changes an existing member's workspace role (owners only; a workspace keeps at least one owner). */
  public Future<JsonObject> setRole(Caller caller, String workspaceId, String userId, Role role, String ip) {
    String scope = Grant.workspaceScope(workspaceId);
    return access.requireWorkspace(caller, workspaceId, Action.MANAGE_MEMBERS)
        .compose(s -> stores.grants().get(scope, userId))
        .compose(current -> {
          if (current == null) {
            return Future.failedFuture(CrossboardException.notFound("no such member"));
          }
          Future<Void> ownerCheck = current.role() == Role.OWNER && role != Role.OWNER
              ? keepsAnOwner(workspaceId) : Future.succeededFuture();
          return ownerCheck
              .compose(v -> stores.grants().put(new Grant(scope, workspaceId, userId, role, System.currentTimeMillis())))
              .compose(v -> audit.record(AuditLog.workspaceChain(workspaceId), caller.actor(), "member.role_changed",
                  userId, new JsonObject().put("from", current.role().wire()).put("to", role.wire()), ip))
              .compose(v -> events.memberChanged(workspaceId, userId))
              .map(v -> new JsonObject().put("user", userId).put("role", role.wire()));
        });
  }

  /** Removes a member from the workspace and all its boards. */
  public Future<Void> remove(Caller caller, String workspaceId, String userId, String ip) {
    String scope = Grant.workspaceScope(workspaceId);
    return access.requireWorkspace(caller, workspaceId, Action.MANAGE_MEMBERS)
        .compose(s -> stores.grants().get(scope, userId))
        .compose(current -> {
          Future<Void> ownerCheck = current != null && current.role() == Role.OWNER
              ? keepsAnOwner(workspaceId) : Future.succeededFuture();
          return ownerCheck.compose(v -> stores.grants().removeUserFromWorkspace(workspaceId, userId));
        })
        .compose(removed -> {
          if (removed == 0) {
            return Future.failedFuture(CrossboardException.notFound("no such member"));
          }
          return audit.record(AuditLog.workspaceChain(workspaceId), caller.actor(), "member.removed", userId,
                  new JsonObject(), ip)
              .compose(v -> events.memberChanged(workspaceId, userId));
        });
  }

  private Future<Void> keepsAnOwner(String workspaceId) {
    return stores.grants().byScope(Grant.workspaceScope(workspaceId)).compose(grants ->
        grants.stream().filter(g -> g.role() == Role.OWNER).count() > 1
            ? Future.succeededFuture()
            : Future.failedFuture(new CrossboardException(ErrorCode.ERR_LAST_OWNER, "a workspace needs at least one owner")));
  }
}
