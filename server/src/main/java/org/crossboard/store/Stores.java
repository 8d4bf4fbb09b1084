package org.crossboard.store;

/**
 * The storage adapters one server runs with, chosen at the composition root. {@code sessions} are
 * sign-in sessions; {@code liveSessions} are facilitated sessions on boards (docs/SESSIONS.md);
 * {@code threads} and {@code notifications} are expert comments (docs/COMMENTS.md);
 * {@code translations} are translations of board texts (SPEC.md N).
 */
public record Stores(BoardCatalog boards, OpLog ops, SnapshotStore snapshots, AccountStore accounts,
    AuthSessionStore sessions, WorkspaceStore workspaces, GrantStore grants, InviteStore invites,
    AuditStore audit, SessionStore liveSessions, AttendanceStore attendance, ThreadStore threads,
    NotificationStore notifications, TranslationStore translations) {}
