package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import org.crossboard.store.Stores;

/** Builds the MongoDB adapters over one client and makes sure their indexes exist. */
public final class MongoStores {
  private MongoStores() {}

  public static Future<Stores> create(MongoClient mongo, Durability durability) {
    MongoBoardCatalog boards = new MongoBoardCatalog(mongo, durability);
    MongoOpLog ops = new MongoOpLog(mongo, durability);
    MongoSnapshotStore snapshots = new MongoSnapshotStore(mongo, durability);
    MongoAccountStore accounts = new MongoAccountStore(mongo, durability);
    MongoAuthSessionStore sessions = new MongoAuthSessionStore(mongo, durability);
    MongoWorkspaceStore workspaces = new MongoWorkspaceStore(mongo, durability);
    MongoGrantStore grants = new MongoGrantStore(mongo, durability);
    MongoInviteStore invites = new MongoInviteStore(mongo, durability);
    MongoAuditStore audit = new MongoAuditStore(mongo, durability);
    MongoSessionStore liveSessions = new MongoSessionStore(mongo, durability);
    MongoAttendanceStore attendance = new MongoAttendanceStore(mongo, durability);
    MongoThreadStore threads = new MongoThreadStore(mongo, durability);
    MongoNotificationStore notifications = new MongoNotificationStore(mongo, durability);
    MongoTranslationStore translations = new MongoTranslationStore(mongo, durability);
    return ops.createIndexes()
        .compose(v -> snapshots.createIndexes())
        .compose(v -> boards.createIndexes())
        .compose(v -> accounts.createIndexes())
        .compose(v -> grants.createIndexes())
        .compose(v -> invites.createIndexes())
        .compose(v -> audit.createIndexes())
        .compose(v -> liveSessions.createIndexes())
        .compose(v -> attendance.createIndexes())
        .compose(v -> threads.createIndexes())
        .compose(v -> notifications.createIndexes())
        .compose(v -> translations.createIndexes())
        .map(v -> new Stores(boards, ops, snapshots, accounts, sessions, workspaces, grants, invites, audit,
            liveSessions, attendance, threads, notifications, translations));
  }
}
