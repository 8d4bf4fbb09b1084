package org.crossboard.store;

import io.vertx.core.json.JsonArray;

/** All records of a board as of {@code seq}. */
public record Snapshot(long seq, JsonArray records) {}
