package org.crossboard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * People's notifications (docs/COMMENTS.md "Notifications") and what they muted. A notification is
 * {@code {"_id","user","board","thread","comment","reason","from":{id,name,badge},"excerpt","at",
 * "read":false,"mailedAt":null}}; only {@code read} and {@code mailedAt} change after insert.
 * Every list is newest {@code at} first (equal ones by {@code _id}, descending) unless it says
 * otherwise; documents come back equal to what was stored, with the changes made here.
 *
 * <p>A mute scope is {@code "board:<id>"} or {@code "thread:<id>"}.
 */
public interface NotificationStore {

  /** Stores a notification; fails with {@link DuplicateKeyException} when {@code _id} is taken. */
  Future<Void> insert(JsonObject notification);

  /** The person's notifications, newest first, at most {@code limit}; only unread ones if asked. */
  Future<List<JsonObject>> list(String user, boolean unreadOnly, int limit);

  /** The person's notifications with {@code at} after the given instant, newest first. */
  Future<List<JsonObject>> newerThan(String user, long at);

  /** How many of the person's notifications are unread. */
  Future<Long> unreadCount(String user);

  /** Marks those of {@code ids} that are the person's as read; others' are left alone. */
  Future<Void> markRead(String user, List<String> ids);

  /** Marks all of the person's notifications read. */
  Future<Void> markAllRead(String user);

  /**
   * Unread notifications of everyone that were never mailed and are older than {@code before}, for
   * the daily digest: ordered by {@code user}, then oldest {@code at} first.
   */
  Future<List<JsonObject>> unmailed(long before);

  /** Stamps {@code mailedAt} on those notifications (they were sent in a digest). */
  Future<Void> markMailed(List<String> ids, long at);

  /** Mutes ({@code muted} true) or unmutes a board or thread for the person; doing it twice is once. */
  Future<Void> mute(String user, String scope, boolean muted);

  /** The person's muted scopes. */
  Future<Set<String>> mutes(String user);

  /**
   * Claims the person's digest of one period ({@code period} = its start ÷ the interval): true for
   * the first caller, false for every later one — on any node — so each digest is sent once.
   */
  Future<Boolean> claimDigest(String user, long period);
}
