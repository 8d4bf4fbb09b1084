package org.crossboard.store;

/** The storage adapters one server runs with, chosen at the composition root. */
public record Stores(BoardCatalog boards, OpLog ops, SnapshotStore snapshots, AccountStore accounts,
    AuthSessionStore sessions, WorkspaceStore workspaces, GrantStore grants, InviteStore invites,
    AuditStore audit) {}
