package org.crossboard.store;

/** A signed-in session: tokens name it, signing out deletes it. */
public record AuthSession(String id, String userId, long createdAt, long expiresAt) {}
